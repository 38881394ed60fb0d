import { unzipSync } from 'fflate';
import { FORMAT_LIMITS, FormatRefusal, formatMegabytes } from './limits.ts';

export type OfficeZip = 'docx' | 'xlsx';

/**
 * Reads a zip's directory without inflating anything: what kind of Office document it is, and
 * whether its declared sizes stay within the caps, so a zip bomb is refused before any library
 * starts inflating it.
 */
export function inspectOfficeZip(bytes: Uint8Array, label: string): OfficeZip {
  const names: string[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        total += file.originalSize;
        return false;
      },
    });
  } catch (err) {
    throw new FormatRefusal(`corrupt ${label}: not a readable zip (${(err as Error).message})`);
  }
  if (names.length > FORMAT_LIMITS.maxZipEntries) throw new FormatRefusal(`refused ${label}: ${names.length} zip entries (cap ${FORMAT_LIMITS.maxZipEntries})`);
  if (total > FORMAT_LIMITS.maxUnzippedBytes) {
    throw new FormatRefusal(`refused ${label}: unpacks to ${formatMegabytes(total)} (cap ${formatMegabytes(FORMAT_LIMITS.maxUnzippedBytes)}), a zip bomb`);
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  throw new FormatRefusal(`refused ${label}: a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) document`);
}
