import { extname } from 'node:path';
import { inspectOfficeZip } from './zip-check.ts';
import { FormatRefusal } from './limits.ts';

export const INPUT_FORMATS = ['text', 'html', 'docx', 'pdf', 'xlsx', 'xls', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** File name endings the upload panel and the CLI accept. */
export const ACCEPTED_EXTENSIONS = ['.txt', '.htm', '.html', '.docx', '.pdf', '.xlsx', '.xls', '.csv'] as const;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The format of an input, judged by its first bytes (a renamed file is still what it is);
 * the name decides only between text-like formats (CSV vs text/HTML).
 */
export function detectFormat(name: string, bytes: Uint8Array): Exclude<InputFormat, 'text' | 'html'> | 'text-or-html' {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return inspectOfficeZip(bytes, labelOf(name, 'zip'));
  if (startsWith(bytes, CFB_MAGIC)) return compoundFormat(name, bytes);
  if (extname(name).toLowerCase() === '.csv') return 'csv';
  return 'text-or-html';
}

/**
 * An OLE compound file: a legacy .xls, a legacy .doc, or a password-protected .docx/.xlsx
 * (Office stores those as an EncryptedPackage stream inside a compound file).
 */
function compoundFormat(name: string, bytes: Uint8Array): 'xls' {
  const label = labelOf(name, 'Office file');
  if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
    throw new FormatRefusal(`refused ${label}: password-protected (encrypted) Office document; save it without a password`);
  }
  if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return 'xls';
  if (containsUtf16(bytes, 'WordDocument')) throw new FormatRefusal(`refused ${label}: legacy Word .doc is not read; save it as .docx`);
  throw new FormatRefusal(`refused ${label}: an OLE compound file that is not an Excel workbook`);
}

export function labelOf(name: string, fallback: string): string {
  const ext = extname(name).toLowerCase();
  return ext ? ext : fallback;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Directory entry names in a compound file are UTF-16LE. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(name, 'utf16le')) !== -1;
}
