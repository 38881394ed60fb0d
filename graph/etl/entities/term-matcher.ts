/** One occurrence of a dictionary term in a line. */
export interface TermHit<V> {
  index: number;
  term: string;
  value: V;
}

export interface TermMatcher<V> {
  /** Leftmost-longest, non-overlapping occurrences, left to right. */
  find(text: string): TermHit<V>[];
}

interface Candidate<V> {
  term: string;
  value: V;
}

/**
 * Compiles a dictionary for leftmost-longest matching (生物质能 before 生物): the terms are grouped
 * by their first code unit, longest first, and a table of those code units lets the scan pass
 * over most characters with one byte read. It finds what one alternation regex of the terms,
 * longest first, finds, at a fraction of the cost on Chinese text.
 */
export function compileTerms<V>(entries: Iterable<readonly [string, V]>): TermMatcher<V> {
  const values = new Map<string, V>();
  for (const [term, value] of entries) if (term && !values.has(term)) values.set(term, value);
  const terms = [...values.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (terms.length === 0) return { find: () => [] };
  const starts = new Uint8Array(0x10000);
  const byFirst = new Map<number, Candidate<V>[]>();
  for (const term of terms) {
    const c = term.charCodeAt(0);
    starts[c] = 1;
    let list = byFirst.get(c);
    if (!list) byFirst.set(c, (list = []));
    list.push({ term, value: values.get(term) as V });
  }
  return {
    find(text: string): TermHit<V>[] {
      const out: TermHit<V>[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (starts[c] === 0) {
          i++;
          continue;
        }
        const hit = longestAt(byFirst.get(c)!, text, i);
        if (!hit) {
          i++;
          continue;
        }
        out.push({ index: i, term: hit.term, value: hit.value });
        i += hit.term.length;
      }
      return out;
    },
  };
}

function longestAt<V>(candidates: readonly Candidate<V>[], text: string, at: number): Candidate<V> | null {
  for (const c of candidates) if (text.startsWith(c.term, at)) return c;
  return null;
}
