import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTerms } from '../../../graph/etl/entities/term-matcher.ts';

// The matcher must find what one alternation regex of the terms, longest first, finds.
function byRegex(terms: readonly string[], text: string): { index: number; term: string }[] {
  const sorted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sorted.length === 0) return [];
  const re = new RegExp(sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return [...text.matchAll(re)].map((m) => ({ index: m.index, term: m[0] }));
}

const found = (terms: readonly string[], text: string) => compileTerms(terms.map((t) => [t, t.length] as const)).find(text).map(({ index, term }) => ({ index, term }));

describe('compileTerms', () => {
  it('takes the longest term at the leftmost place, and goes on after it', () => {
    const m = compileTerms([['生物', 'a'], ['生物质能', 'b'], ['质能', 'c'], ['能源', 'd']] as const);
    // 质能 inside 生物质能 is not found again; 能源 after 生物 is.
    expect(m.find('发展生物质能源和生物能源')).toEqual([
      { index: 2, term: '生物质能', value: 'b' },
      { index: 8, term: '生物', value: 'a' },
      { index: 10, term: '能源', value: 'd' },
    ]);
  });

  it('finds in every line of the seeds what the alternation regex finds', () => {
    const terms = ['生命科学与生物技术', '生物', '生物医学工程', '集成电路', '集成电路设计', '新能源汽车', '新能源', '深圳', '深圳市', 'IC设计', '(集团)', '3D显示'];
    for (const f of ['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt']) {
      for (const line of readFileSync(`seeds/${f}`, 'utf8').split('\n')) expect(found(terms, line)).toEqual(byRegex(terms, line));
    }
  });

  it('agrees with the alternation regex on any terms and text', () => {
    const alphabet = fc.constantFrom('生', '物', '质', '能', '源', 'a', 'b', '(', '.');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (terms, text) => {
        expect(found(terms, text)).toEqual(byRegex(terms, text));
      }),
      { numRuns: 500 },
    );
  });
});
