import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readSourceText } from '../etl/read-source.ts';
import type { SourceDocument } from '../etl/types.ts';
import { decodeBytes, type DetectedEncoding } from './decode.ts';
import { contentHash, normaliseText } from './document-key.ts';
import { htmlToSource, looksLikeHtml } from './html-to-source.ts';

export type PreparedInput =
  | {
      ok: true;
      input: string;
      source: SourceDocument;
      hash: string;
      encoding: DetectedEncoding;
      format: 'text' | 'html';
      notes: string[];
      bytes: number;
    }
  | { ok: false; input: string; reason: 'empty' | 'binary' | 'undecodable' | 'unreadable'; message: string; bytes: number };

/** Bytes → a SourceDocument in the seed shape, or the reason it is refused. `input` names it in messages. */
export function prepareInput(input: string, name: string, bytes: Uint8Array): PreparedInput {
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
