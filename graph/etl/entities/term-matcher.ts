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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a dictionary into one alternation, longest terms first, so a single regex
 * pass per line finds the longest term at each position (生物质能 before 生物).
 */
export function compileTerms<V>(entries: Iterable<readonly [string, V]>): TermMatcher<V> {
  const values = new Map<string, V>();
  for (const [term, value] of entries) if (term && !values.has(term)) values.set(term, value);
  const terms = [...values.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (terms.length === 0) return { find: () => [] };
  const re = new RegExp(terms.map(escape).join('|'), 'g');
  return {
    find(text: string): TermHit<V>[] {
      const out: TermHit<V>[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push({ index: m.index, term: m[0], value: values.get(m[0]) as V });
      }
      return out;
    },
  };
}
