import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import { parseSections } from '../../../graph/etl/sections.ts';
import { PLAN, SCI, excerpt } from './seed-sources.ts';

// Documents ingested later need not look like the seeds; these are built from seed lines.
describe('layouts other than the seeds', () => {
  it('an empty file gives its Document node and nothing else', () => {
    const { graph, warnings } = buildGraph([readSourceText('empty.txt', '')]);
    expect(graph.nodes.map((n) => n.id)).toEqual(['document:empty']);
    expect(graph.edges).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('（一） headings with no 一、 and no separator lines are read as top-level sections', () => {
    const lines = ['标题', ...excerpt(SCI, 80, 86)];
    expect(parseSections(lines).map((r) => [r.path, r.title])).toEqual([
      ['1', '集成电路'],
      ['1.1', '集成电路设计'],
    ]);
  });

  it('a division table with no 附表 line before it is not read as sections', () => {
    const text = excerpt(PLAN, 221, 233).join('\n');
    const { graph } = buildGraph([readSourceText('t.txt', text)]);
    const tasks = graph.nodes.filter((n) => n.type === 'Task');
    expect(tasks.map((t) => t.id)).toEqual(['task:加强深圳大学学科建设', 'task:南方科技大学项目建设', 'task:完善大学城管理体制']);
    expect(tasks.every((t) => t.props.kind === 'tableRow')).toBe(true);
  });
});
