import { nodeId } from '../model/index.ts';
import type { TableRow } from './division-table.ts';

/** Shorter titles (其他, 宣传) say too little to be the same task in two documents. */
const MIN_SHARED_TITLE = 4;

const NEEDS_FOLDING = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A,;:()\s]|[。；，、：.]$/u;
const HALF_TO_FULL_PUNCTUATION: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };

/**
 * A table row's title as an identity. Editions of one row differ in spacing, end punctuation and
 * full- or half-width forms, so letters and digits fold to half width and punctuation to the
 * Chinese forms (an id never holds the ',' that separates ids in a query).
 */
export function rowTitleKey(title: string): string {
  if (!NEEDS_FOLDING.test(title)) return title; // most titles are already in the key's form
  return title
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,;:()]/g, (c) => HALF_TO_FULL_PUNCTUATION[c] ?? c)
    .replace(/\s+/g, '')
    .replace(/[。；，、：.]+$/u, '');
}

/**
 * Ids of a document's table rows. A division-of-labour row is a task in its own right: the
 * annual tables and the plans that follow repeat it word for word, so its id comes from its
 * title and every document naming it adds evidence to one node. A title that repeats within
 * the document, or is too short to say what the task is, keeps an id of its own row.
 */
export function assignRowIds(docKey: string, rows: readonly Pick<TableRow, 'no' | 'title'>[]): Map<number, string> {
  const ids = new Map<number, string>();
  const counts = new Map<string, number>();
  // Each title folded once: the counts and the ids read the same keys.
  const keys = rows.map((r) => rowTitleKey(r.title));
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (ids.has(r.no)) continue; // a repeated number is reported by the table step, not doubled
    const key = keys[i]!;
    const shared = key.length >= MIN_SHARED_TITLE && counts.get(key) === 1 && !key.includes('#');
    ids.set(r.no, shared ? nodeId('Task', key) : rowTaskId(docKey, r.no));
  }
  return ids;
}

/** The id of a row that cannot be shared: its document and number. */
export function rowTaskId(docKey: string, no: number): string {
  return nodeId('Task', `${docKey}#row-${no}`);
}
