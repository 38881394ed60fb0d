import { describe, expect, it } from 'vitest';
import { readStructure } from '../../../graph/etl/parse-document.ts';
import { assignRowIds, rowTitleKey } from '../../../graph/etl/task-identity.ts';
import { PLAN, seed } from './seed-sources.ts';

describe('task identity of table rows', () => {
  it('names every row of the seed table by its title: 124 rows, 124 distinct ids', () => {
    const { rowIds } = readStructure(seed(PLAN));
    expect(rowIds.size).toBe(124);
    expect(new Set(rowIds.values()).size).toBe(124);
    expect(rowIds.get(14)).toBe('task:提高本土企业自主创新能力');
    expect(rowIds.get(124)).toBe('task:完善政府采购政策');
  });

  it('reads two editions of a title as one: full-width forms, spacing and end punctuation', () => {
    expect(rowTitleKey('组建国家华南超级计算中心（ＩＴ）。')).toBe(rowTitleKey('组建国家华南 超级计算中心(IT)'));
    expect(rowTitleKey('推进A,B建设')).toBe('推进A，B建设');
    expect(rowTitleKey('完善政府采购政策；')).toBe('完善政府采购政策');
  });

  it('keeps a repeated or too short title to its own document and number', () => {
    const ids = assignRowIds('plan', [
      { no: 1, title: '建设某某大学' },
      { no: 2, title: '其他' },
      { no: 3, title: '建设 某某大学' },
      { no: 4, title: '建设某某学院' },
    ]);
    expect([...ids]).toEqual([
      [1, 'task:plan#row-1'],
      [2, 'task:plan#row-2'],
      [3, 'task:plan#row-3'],
      [4, 'task:建设某某学院'],
    ]);
  });
});
