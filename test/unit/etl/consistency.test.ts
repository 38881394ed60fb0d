import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { findInconsistencies } from '../../../graph/etl/consistency.ts';
import { readStructure } from '../../../graph/etl/parse-document.ts';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import { PLAN, SCI, excerpt, seed } from './seed-sources.ts';

describe('findInconsistencies on the implementation plan', () => {
  const findings = findInconsistencies(readStructure(seed(PLAN)));

  it('finds 27 clause/row disagreements, all about cooperating units', () => {
    expect(findings).toHaveLength(27);
    expect(findings.every((f) => f.role === 'COOPERATES')).toBe(true);
  });

  it('reports a unit named in the clause but in none of its rows (财政局, 附表18、59)', () => {
    const f = findings.filter((x) => x.clause.line === 47);
    expect(f.map((x) => [x.rowNo, x.onlyInClause, x.onlyInRow])).toEqual([
      [18, ['财政局'], ['高新办']],
      [59, ['财政局'], ['发展改革局']],
    ]);
    expect(f[0]).toMatchObject({ sectionId: 'task:000_2ebb2acb91732bad#3.8', rowId: 'task:国家工程实验室平台大楼项目建设', rowName: '国家工程实验室平台大楼项目建设' });
  });

  it('reports units a row adds (附表112 names seven cooperating units the clause of 国际技术合作 lacks)', () => {
    const f = findings.find((x) => x.clause.line === 185 && x.rowNo === 112);
    expect(f?.onlyInRow).toEqual(['贸工局', '信息办', '科技信息局', '交通局', '卫生局', '环保局', '公安交警局']);
    expect(f?.row.map((e) => e.line)).toEqual([596, 598]);
  });

  it('compares collective phrases too (附表84, 85: 各有关部门)', () => {
    expect(findings.filter((x) => x.onlyInRow.includes('各有关部门')).map((x) => x.rowNo)).toEqual([84, 85]);
  });

  it('finds nothing where clause and row agree (附表14, 19, 15)', () => {
    expect(findings.filter((x) => [14, 15, 19].includes(x.rowNo))).toEqual([]);
  });

  it('finds nothing in a document without a table', () => {
    expect(findInconsistencies(readStructure(seed(SCI)))).toEqual([]);
  });
});

describe('extraction warnings', () => {
  it('reports no warnings on the seeds: every unit is typed and every cited row exists', () => {
    const mine = ['unresolved-abbreviation', 'unknown-unit-type', 'missing-table-row'];
    expect(buildGraph([seed(PLAN), seed(SCI)]).warnings.filter((w) => mine.includes(w.kind))).toEqual([]);
  });

  it('warns about an unknown abbreviation, an untypable unit and a missing row', () => {
    const lines = [...excerpt(PLAN, 1, 8), '', '　　一、测试', '　　（一）测试任务。', '　　责任单位：市新设办牵头，某某等配合（见附表999）。'];
    const { warnings } = buildGraph([readSourceText('x.txt', lines.join('\n'))]);
    expect(warnings.map((w) => [w.kind, w.line, w.text])).toEqual([
      ['unresolved-abbreviation', 12, '市新设办'],
      ['unknown-unit-type', 12, '某某'],
      ['missing-table-row', 12, '（见附表999）'],
    ]);
  });

  it('warns once per unknown name, on its first line, saying on how many lines it is named', () => {
    const lines = [...excerpt(PLAN, 1, 8), '', '　　一、测试', '　　（一）测试任务。', '　　责任单位：市新设办牵头。', '　　（二）又一任务。', '　　责任单位：市新设办牵头。'];
    const { warnings } = buildGraph([readSourceText('x.txt', lines.join('\n'))]);
    expect(warnings.filter((w) => w.kind === 'unresolved-abbreviation').map((w) => [w.line, w.text, w.message])).toEqual([
      [12, '市新设办', '市新设办 is not in the glossary; typed by its suffix only (on 2 lines)'],
    ]);
  });
});
