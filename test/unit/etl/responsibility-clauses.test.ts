import { describe, expect, it } from 'vitest';
import { MAX_CLAUSE_CHARS, parseClauseLine, parseClauses } from '../../../graph/etl/responsibility-clauses.ts';
import { PLAN, excerpt, seed } from './seed-sources.ts';

describe('responsibility clauses', () => {
  it('finds all 40 clauses in the implementation plan', () => {
    const clauses = parseClauses(seed(PLAN).lines, 217);
    expect(clauses).toHaveLength(40);
    expect(clauses[0]?.line).toBe(26);
    expect(clauses.at(-1)?.line).toBe(185);
  });

  it('reads lead units, cooperating units and every cited row', () => {
    const [line] = excerpt(PLAN, 38, 38);
    const c = parseClauseLine(line ?? '', 38);
    expect(c).toMatchObject({
      convention: 'seed',
      lead: [{ line: 38, text: '市发展改革局' }],
      coop: [{ line: 38, text: '市贸工局、财政局、国土房产局、规划局、建设局、宝安区政府、光明新区管委会、大工业区管委会等' }],
      resp: [],
      rows: [34, 35],
      citeQuote: '（见附表34、35）',
    });
    expect(line).toContain(c?.quote);
  });

  it('reads a collective cooperating phrase', () => {
    const [line] = excerpt(PLAN, 86, 86);
    expect(parseClauseLine(line ?? '', 86)).toMatchObject({ coop: [{ text: '各相关部门' }], rows: [22, 23, 24] });
  });

  it('does not take text far longer than any real clause for one (its pattern would backtrack quadratically)', () => {
    const [line] = excerpt(PLAN, 38, 38);
    const real = (line ?? '').trim();
    expect(real.length).toBeLessThan(MAX_CLAUSE_CHARS / 5);
    const huge = `责任单位：${'市发展改革局牵头，'.repeat(MAX_CLAUSE_CHARS / 9)}市财政局等配合（见附表1）。`;
    expect(huge.length).toBeGreaterThan(MAX_CLAUSE_CHARS);
    expect(parseClauseLine(huge, 1)).toBeNull();
    expect(parseClauseLine(real, 38)?.rows).toEqual([34, 35]);
  });
});
