/**
 * Sorts distinct-or-not strings in place in UTF-16 code unit order, the order `<` gives.
 * Ids share long prefixes (`PART_OF:task:<doc>#`), which a comparison sort walks again on
 * every comparison; multikey quicksort looks at each character position once per partition.
 */
export function sortStrings(a: string[]): string[] {
  sortRange(a, 0, a.length, 0, 0);
  return a;
}

/** Below this many strings, insertion sort from the current position is cheaper. */
const SMALL = 12;
/** Past this depth (a pathological input) the range falls back to the built-in sort. */
const MAX_DEPTH = 96;

function charAt(s: string, d: number): number {
  return d < s.length ? s.charCodeAt(d) : -1;
}

function sortRange(a: string[], lo: number, hi: number, d: number, depth: number): void {
  while (hi - lo > 1) {
    if (hi - lo <= SMALL) return insertion(a, lo, hi, d);
    if (depth > MAX_DEPTH) return builtin(a, lo, hi);
    const x = charAt(a[lo]!, d);
    const y = charAt(a[(lo + hi) >>> 1]!, d);
    const z = charAt(a[hi - 1]!, d);
    const v = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Three-way partition on the character at d: below, equal, above.
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const s = a[i]!;
      const c = charAt(s, d);
      if (c < v) {
        a[i++] = a[lt]!;
        a[lt++] = s;
      } else if (c > v) {
        a[i] = a[gt]!;
        a[gt--] = s;
      } else i++;
    }
    if (v < 0) {
      sortRange(a, lo, lt, d, depth + 1);
      sortRange(a, gt + 1, hi, d, depth + 1);
      return; // the equal part ended at d: all the same string
    }
    if (lt === lo && gt === hi - 1) {
      // All share the character at d (a long common prefix): skip what they share natively.
      d = sharedFrom(a, lo, hi, d + 1);
      continue;
    }
    sortRange(a, lo, lt, d, depth + 1);
    sortRange(a, gt + 1, hi, d, depth + 1);
    lo = lt;
    hi = gt + 1;
    d++;
    depth++;
  }
}

/** The first position from d where the strings of the range may differ, in steps of eight characters. */
function sharedFrom(a: string[], lo: number, hi: number, d: number): number {
  const first = a[lo]!;
  while (first.length >= d + 8) {
    const chunk = first.slice(d, d + 8);
    for (let i = lo + 1; i < hi; i++) if (!a[i]!.startsWith(chunk, d)) return d;
    d += 8;
  }
  return d;
}

function insertion(a: string[], lo: number, hi: number, d: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const s = a[i]!;
    let j = i;
    while (j > lo && lessFrom(s, a[j - 1]!, d)) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = s;
  }
}

/** s < t, given both share their first d characters. */
function lessFrom(s: string, t: string, d: number): boolean {
  const n = s.length < t.length ? s.length : t.length;
  for (let k = d; k < n; k++) {
    const c = s.charCodeAt(k) - t.charCodeAt(k);
    if (c !== 0) return c < 0;
  }
  return s.length < t.length;
}

function builtin(a: string[], lo: number, hi: number): void {
  const part = a.slice(lo, hi).sort();
  for (let k = 0; k < part.length; k++) a[lo + k] = part[k]!;
}
