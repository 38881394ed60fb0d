import { describe, expect, it } from 'vitest';
import { sortStrings } from '../../../graph/etl/sort-strings.ts';

/** Deterministic strings with shared prefixes, repeats, CJK and surrogate pairs. */
function sample(n: number, seed: number): string[] {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8);
  const parts = ['PART_OF:task:', 'LEADS:agency:', 'task:doc#', '1', '10', '2', '.', '->', '发展', '改革局', '𠀀', 'a', 'A', ''];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const k = next() % 6;
    for (let j = 0; j < k; j++) s += parts[next() % parts.length];
    out.push(s);
  }
  return out;
}

describe('sortStrings', () => {
  it('gives the order of the built-in sort', () => {
    for (const n of [0, 1, 2, 5, 13, 100, 2000]) {
      for (const seed of [1, 7, 42]) {
        const a = sample(n, seed);
        expect(sortStrings([...a])).toEqual([...a].sort());
      }
    }
  });

  it('handles already sorted, reversed and all-equal input', () => {
    const sorted = sample(500, 3).sort();
    expect(sortStrings([...sorted])).toEqual(sorted);
    expect(sortStrings([...sorted].reverse())).toEqual(sorted);
    expect(sortStrings(Array(300).fill('task:x'))).toEqual(Array(300).fill('task:x'));
  });

  it('sorts strings that share a prefix ending anywhere in a step of eight', () => {
    const prefix = 'PART_OF:task:000_2ebb2acb91732bad#';
    const a: string[] = [];
    for (let cut = 0; cut <= prefix.length; cut++) for (const tail of ['', '1', '1.2', '10', '->x']) a.push(prefix.slice(0, cut) + tail);
    a.push(...a.map((x) => x + x));
    const shuffled = a.map((x, i) => a[(i * 7919) % a.length]!);
    expect(sortStrings([...shuffled])).toEqual([...shuffled].sort());
  });

  it('sorts long shared prefixes past the depth limit', () => {
    const a = Array.from({ length: 400 }, (_, i) => 'p'.repeat(200) + String((i * 37) % 400));
    expect(sortStrings([...a])).toEqual([...a].sort());
  });
});
