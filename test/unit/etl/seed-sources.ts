import { readFileSync } from 'node:fs';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import type { SourceDocument } from '../../../graph/etl/types.ts';

export const PLAN = '000_2ebb2acb91732bad.txt';
export const SCI = '004_6d8794a7fddf0732.txt';

const cache = new Map<string, SourceDocument>();

/** A seed as the ETL reads it; cached because every whole-document test needs the same two. */
export function seed(file: string): SourceDocument {
  let s = cache.get(file);
  if (!s) {
    s = readSourceText(file, readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8'));
    cache.set(file, s);
  }
  return s;
}

/** A real excerpt: the given 1-based line range of a seed, as text. */
export function excerpt(file: string, from: number, to: number): string[] {
  return seed(file).lines.slice(from - 1, to);
}
