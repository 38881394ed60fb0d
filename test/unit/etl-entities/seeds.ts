import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, readStructure } from '../../../graph/etl/parse-document.ts';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import type { ParsedDocument, SourceDocument } from '../../../graph/etl/types.ts';

export const SEED_000 = '000_2ebb2acb91732bad.txt';
export const SEED_004 = '004_6d8794a7fddf0732.txt';

export function readSeed(file: string): SourceDocument {
  return readSourceText(file, readFileSync(join(import.meta.dirname, '../../../seeds', file), 'utf8'));
}

/** Both seeds through the real structural parser. */
export function parsedSeeds(): ParsedDocument[] {
  return [parseDocument(readSeed(SEED_000)), parseDocument(readSeed(SEED_004))];
}

/** Task id of a section path or a table row, as the structural steps spell it. */
export function sectionId(file: string, path: string): string {
  return `task:${file.replace(/\.txt$/, '')}#${path}`;
}
const rowIds000 = readStructure(readSeed(SEED_000)).rowIds;
/** A table row of 000 by its number (rows are named by title: task-identity.ts). */
export function rowId(no: number): string {
  const id = rowIds000.get(no);
  if (!id) throw new Error(`000 has no table row ${no}`);
  return id;
}
/** The number 000 gives a row task, or undefined for any other task. */
export function rowNo(taskId: string): number | undefined {
  for (const [no, id] of rowIds000) if (id === taskId) return no;
  return undefined;
}
