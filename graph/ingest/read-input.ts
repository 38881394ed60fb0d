import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readSourceText } from '../etl/read-source.ts';
import type { SourceDocument } from '../etl/types.ts';
import { decodeBytes, type DetectedEncoding } from './decode.ts';
import { contentHash, normaliseText } from './document-key.ts';
import { htmlToSource, looksLikeHtml } from './html-to-source.ts';
import { detectFormat, type InputFormat } from './formats/detect.ts';
import { FORMAT_LIMITS, FormatRefusal, formatMegabytes } from './formats/limits.ts';
import type { LineLocations } from './formats/locations.ts';
import { readFormat } from './formats/read-format.ts';

export type { InputFormat } from './formats/detect.ts';

export type PreparedInput =
  | {
      ok: true;
      input: string;
      source: SourceDocument;
      hash: string;
      encoding: DetectedEncoding;
      format: InputFormat;
      notes: string[];
      bytes: number;
      /** Stored line → PDF page or sheet/row, for the evidence of PDFs and spreadsheets. */
      locations?: LineLocations;
    }
  | { ok: false; input: string; reason: 'empty' | 'binary' | 'undecodable' | 'unreadable' | 'format'; message: string; bytes: number };

/**
 * Bytes → a SourceDocument in the seed shape, or the reason it is refused. `input` names it in
 * messages. Word, PDF and spreadsheets are known by their first bytes, CSV by its name.
 */
export async function prepareInput(input: string, name: string, bytes: Uint8Array): Promise<PreparedInput> {
  try {
    const format = detectFormat(name, bytes);
    if (format !== 'text-or-html') {
      const read = await readFormat(format, name, bytes);
      if (!read.source.lines.some((l) => l.trim())) return { ok: false, input, reason: 'empty', message: `no text in the ${format} file`, bytes: bytes.length };
      const { source, encoding, notes, locations } = read;
      return { ok: true, input, source, hash: contentHash(source.lines), encoding, format, notes, bytes: bytes.length, ...(locations ? { locations } : {}) };
    }
  } catch (err) {
    if (!(err instanceof FormatRefusal)) throw err;
    return { ok: false, input, reason: 'format', message: err.message, bytes: bytes.length };
  }
  return prepareTextInput(input, name, bytes);
}

/** The text and saved-page path of prepareInput, synchronous: what the ETL throughput bench feeds. */
export function prepareTextInput(input: string, name: string, bytes: Uint8Array): PreparedInput {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, input, reason: decoded.reason, message: decoded.message, bytes: bytes.length };
  const text = normaliseText(decoded.text);
  const html = looksLikeHtml(text);
  const source = html ? htmlToSource(name, text) : readSourceText(name, text);
  if (!source.lines.some((l) => l.trim())) {
    return { ok: false, input, reason: 'empty', message: 'no text in the page', bytes: bytes.length };
  }
  return {
    ok: true,
    input,
    source,
    hash: contentHash(source.lines),
    encoding: decoded.encoding,
    format: html ? 'html' : 'text',
    notes: decoded.warnings,
    bytes: bytes.length,
  };
}

/**
 * A file's bytes, refused from its size before reading when past the input cap: a 500 MB file
 * costs a stat, not 500 MB of memory. The size is checked again on the open handle.
 */
export async function readCapped(path: string, cap: number = FORMAT_LIMITS.maxInputBytes): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > cap) throw new Error(`file too large (${formatMegabytes(size)}, cap ${formatMegabytes(cap)})`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Files named on the command line; folders are walked (hidden entries skipped) in name order.
 * Every file is judged by its content, not its extension, so a stray binary gets its own message.
 */
export async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const visit = async (p: string): Promise<void> => {
    const st = await stat(p).catch(() => null);
    if (!st) return void missing.push(p);
    if (st.isFile()) return void files.push(p);
    if (!st.isDirectory()) return;
    const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
    for (const n of names) await visit(join(p, n));
  };
  for (const p of paths) await visit(p);
  return { files, missing };
}
