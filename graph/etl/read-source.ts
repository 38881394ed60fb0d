import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseHeader } from './document-header.ts';
import type { SourceDocument } from './types.ts';

/** A seed from its text: lines split on \n with \r stripped, so evidence line numbers match editors. */
export function readSourceText(file: string, text: string): SourceDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { file: basename(file), lines, header: parseHeader(lines) };
}

export async function readSourceFile(path: string): Promise<SourceDocument> {
  return readSourceText(basename(path), await readFile(path, 'utf8'));
}
