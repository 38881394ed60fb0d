import type { NodeType } from '../model/index.ts';

/** How a name or alias matched a query; lower is better. */
export const RANK_ORDER = { exact: 0, prefix: 1, contains: 2, abbrev: 3 } as const;
export type Rank = keyof typeof RANK_ORDER;

/** Latin text is matched case-insensitively; Chinese has no case, so this is all we fold. */
export function normaliseSearchText(s: string): string {
  return s.trim().toLowerCase();
}

/** Rank of `key` (normalised) for query `q` (normalised), or null when it does not match. */
export function matchRank(key: string, q: string): Rank | null {
  if (key === q) return 'exact';
  if (key.startsWith(q)) return 'prefix';
  if (key.includes(q)) return 'contains';
  return null;
}

/** Queries with Latin letters or digits are words, not abbreviations: "fb" must not find "finance bureau". */
const WORDLIKE = /[a-z0-9]/;

/**
 * An abbreviation of `key` (both normalised): the query's characters in order, starting with the
 * key's first one, within a key at most four times as long (发改委 → 发展和改革委员会, 科信局 →
 * 科技信息局); long task titles contain almost any character sequence and are left out by length.
 */
export function isAbbreviation(key: string, q: string): boolean {
  if (q.length < 2 || key.length <= q.length || key.length > q.length * 4 || key[0] !== q[0] || WORDLIKE.test(q)) return false;
  let i = 0;
  for (const ch of key) if (ch === q[i] && ++i === q.length) return true;
  return false;
}

export interface SearchCandidate {
  id: string;
  type: NodeType;
  name: string;
  collective: boolean;
  rank: Rank;
  matched: string;
}

/**
 * Within one rank: specific organisations first (what people search for most), then collective
 * phrases (各相关部门…), then technologies, documents and finally tasks, whose long titles
 * otherwise drown the agencies.
 */
export function typeGroup(type: NodeType, collective: boolean): number {
  switch (type) {
    case 'Agency':
    case 'Institution':
    case 'Enterprise':
      return collective ? 1 : 0;
    case 'Technology':
      return 2;
    case 'Document':
      return 3;
    case 'Task':
      return 4;
  }
}

export function compareCandidates(a: SearchCandidate, b: SearchCandidate): number {
  return (
    RANK_ORDER[a.rank] - RANK_ORDER[b.rank] ||
    typeGroup(a.type, a.collective) - typeGroup(b.type, b.collective) ||
    a.name.length - b.name.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Best match of one node over its name, aliases and English gloss (props.nameEn), the name
 * winning ties; failing those, an abbreviation of the name or an alias (rank `abbrev`).
 */
export function bestMatch(name: string, aliases: readonly string[], q: string, gloss?: string): { rank: Rank; matched: string } | null {
  let best: { rank: Rank; matched: string } | null = null;
  const texts = gloss ? [name, ...aliases, gloss] : [name, ...aliases];
  for (const text of texts) {
    const rank = matchRank(normaliseSearchText(text), q);
    if (rank && (!best || RANK_ORDER[rank] < RANK_ORDER[best.rank])) best = { rank, matched: text };
  }
  if (best) return best;
  for (const text of [name, ...aliases]) if (isAbbreviation(normaliseSearchText(text), q)) return { rank: 'abbrev', matched: text };
  return null;
}

/** The k best items without sorting everything: hit lists for one character can be huge. */
export function topK<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): { top: T[]; total: number } {
  const top: T[] = [];
  let total = 0;
  for (const item of items) {
    total++;
    if (top.length === k && cmp(item, top[k - 1] as T) >= 0) continue;
    let i = top.length;
    while (i > 0 && cmp(item, top[i - 1] as T) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return { top, total };
}
