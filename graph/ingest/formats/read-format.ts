import { basename, extname } from 'node:path';
import { parseHeader } from '../../etl/document-header.ts';
import type { SourceDocument } from '../../etl/types.ts';
import { decodeBytes, type DetectedEncoding } from '../decode.ts';
import { normaliseText } from '../document-key.ts';
import { htmlToSource } from '../html-to-source.ts';
import { docxToHtml } from './docx.ts';
import { FormatRefusal } from './limits.ts';
import type { LineLocations } from './locations.ts';
import { readPdf } from './pdf.ts';
import { readSpreadsheet } from './spreadsheet.ts';

export type BinaryFormat = 'docx' | 'pdf' | 'xlsx' | 'xls' | 'csv';

export interface FormatSource {
  source: SourceDocument;
  encoding: DetectedEncoding;
  locations?: LineLocations;
  notes: string[];
}

/** A Word, PDF, spreadsheet or CSV input as a SourceDocument; FormatRefusal when it cannot be read. */
export async function readFormat(format: BinaryFormat, name: string, bytes: Uint8Array): Promise<FormatSource> {
  switch (format) {
    case 'docx': {
      const { html, notes } = await docxToHtml(bytes);
      const src = htmlToSource(name, html);
      return { ...titled(name, src.lines, undefined, firstTitleLine(src.lines)), encoding: 'utf-8', notes };
    }
    case 'pdf': {
      const pdf = await readPdf(bytes);
      return { ...titled(name, pdf.lines, pdf.locations, pdf.title), encoding: 'utf-8', notes: pdf.notes };
    }
    case 'csv': {
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) throw new FormatRefusal(`refused .csv: ${decoded.message}`);
      const sheet = readSpreadsheet(normaliseText(decoded.text), '.csv');
      return { ...titled(name, sheet.lines, sheet.locations, sheet.titleRow), encoding: decoded.encoding, notes: [...decoded.warnings, ...sheet.notes] };
    }
    case 'xlsx':
    case 'xls': {
      const sheet = readSpreadsheet(bytes, `.${format}`);
      return { ...titled(name, sheet.lines, sheet.locations, sheet.titleRow), encoding: 'utf-8', notes: sheet.notes };
    }
  }
}

/**
 * A document with no header of its own (a table, a Word file, most PDFs) gets the seed header's
 * title line, from its title row or the file name, so it is a Document with a name like any other;
 * line numbers of the side map move down by the lines put above.
 */
function titled(name: string, body: readonly string[], locations: LineLocations | undefined, title: string | undefined): Pick<FormatSource, 'source' | 'locations'> {
  const lines = [...body];
  while (lines.length > 0 && lines[lines.length - 1] === '' && lines[lines.length - 2] === '') lines.pop();
  const header = parseHeader(lines);
  if (header.title || header.number || header.url) return { source: { file: name, lines, header }, ...(locations ? { locations } : {}) };
  const heading = [`信息名称: ${title ?? basename(name, extname(name))}`, ''];
  const all = [...heading, ...lines];
  const moved: LineLocations | undefined = locations && new Map([...locations].map(([line, at]) => [line + heading.length, at]));
  return { source: { file: name, lines: all, header: parseHeader(all) }, ...(moved ? { locations: moved } : {}) };
}

/** The first body line when it reads as a title: one short line, not a table row. */
function firstTitleLine(lines: readonly string[]): string | undefined {
  const first = lines.find((l) => l.trim() !== '');
  return first !== undefined && !first.includes('\t') && first.trim().length <= 60 ? first.trim() : undefined;
}
