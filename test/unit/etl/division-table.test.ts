import { describe, expect, it } from 'vitest';
import { parseDivisionTable } from '../../../graph/etl/division-table.ts';
import { PLAN, SCI, excerpt, seed } from './seed-sources.ts';

describe('parseDivisionTable on the implementation plan', () => {
  const table = parseDivisionTable(seed(PLAN).lines);
  const row = (no: number) => table?.rows.find((r) => r.no === no);

  it('reads all 124 numbered rows, in order', () => {
    expect(table?.rows).toHaveLength(124);
    expect(table?.rows.map((r) => r.no)).toEqual(Array.from({ length: 124 }, (_, i) => i + 1));
  });

  it('keeps each row in its group', () => {
    expect(row(1)).toMatchObject({ group: '高等院校建设', groupNo: 1, title: '南方科技大学项目建设', titleLine: 225 });
    expect(row(124)).toMatchObject({ group: '制定创新发展的法规', groupNo: 41, title: '完善政府采购政策' });
    // the group title wraps: （八）共性和关键技术 / 研发和应用推广计划
    expect(row(23)?.group).toBe('共性和关键技术研发和应用推广计划');
    // （三十五） is printed twice; both halves keep the group
    expect(row(109)).toMatchObject({ groupNo: 35, group: '国内区域合作' });
  });

  it('joins a lead cell that wraps across lines (row 19)', () => {
    expect(row(19)?.lead).toEqual([
      { line: 285, text: '市发展改革局、' },
      { line: 286, text: '科技信息局' },
    ]);
    expect(row(19)?.coop).toEqual([{ line: 287, text: '市编办、国资委等' }]);
  });

  it('reads / and a blank cell as no cooperating units', () => {
    expect(row(55)?.coop).toEqual([]);
    expect(row(2)?.coop).toEqual([]);
    expect(row(2)?.lead).toEqual([{ line: 229, text: '市教育局' }]);
    expect(row(2)?.lines).toEqual([228, 229, 230]);
  });

  it('finds no table in the S&T plan', () => {
    expect(parseDivisionTable(seed(SCI).lines)).toBeNull();
  });
});

describe('parseDivisionTable on an excerpt', () => {
  it('reads rows 18–21 with their wrapped cell', () => {
    const lines = excerpt(PLAN, 220, 293);
    const t = parseDivisionTable(lines);
    expect(t?.rows.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(t?.rows[18]?.lead.map((c) => c.text)).toEqual(['市发展改革局、', '科技信息局']);
  });
});

describe('parseDivisionTable on other column titles', () => {
  it('reads 工作任务 / 牵头单位 / 配合单位 like the seed table', () => {
    const lines = ['工作任务', '牵头单位', '配合单位', ...excerpt(PLAN, 224, 230)];
    const t = parseDivisionTable(lines);
    expect(t?.rows.map((r) => [r.no, r.lead.map((c) => c.text), r.coop.length])).toEqual([
      [1, ['市教育局'], 1],
      [2, ['市教育局'], 0],
    ]);
  });
});
