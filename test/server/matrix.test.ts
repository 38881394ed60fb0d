import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../graph/analysis/matrix.ts';
import { edgeId, type EdgeType, type GraphEdge, type GraphNode, type NodeType } from '../../graph/model/index.ts';

const node = (id: string, type: NodeType): GraphNode => ({ id, type, name: id.toUpperCase(), aliases: [], props: {}, evidence: [] });
const edge = (type: EdgeType, source: string, target: string): GraphEdge => ({ id: edgeId(type, source, target), type, source, target, props: {}, evidence: [] });

const nodes = new Map([node('a', 'Agency'), node('b', 'Agency'), node('t1', 'Task'), node('t2', 'Task'), node('x', 'Technology')].map((n) => [n.id, n]));
const edges = [
  edge('LEADS', 'a', 't1'),
  edge('COOPERATES', 'a', 't1'),
  edge('COOPERATES', 'b', 't1'),
  edge('COOPERATES', 'b', 't2'),
  edge('MENTIONS', 't2', 'a'),
  edge('TARGETS', 't1', 'x'),
];

describe('buildMatrix', () => {
  it('keeps LEADS when an agency both leads and cooperates, and ignores other edge types', () => {
    const m = buildMatrix(nodes, edges, { agencies: ['a'] });
    expect(m.cells).toEqual([{ agency: 'a', task: 't1', role: 'LEADS' }]);
    expect(m.tasks).toEqual([{ id: 't1', name: 'T1' }]);
  });

  it('puts named rows and columns first, in the caller order, even when empty', () => {
    const m = buildMatrix(nodes, edges, { agencies: ['b', 'a'], tasks: ['t2'] });
    expect(m.agencies.map((a) => a.id)).toEqual(['b', 'a']);
    expect(m.cells).toEqual([{ agency: 'b', task: 't2', role: 'COOPERATES' }]);
  });

  it('given only tasks, lists every agency on them', () => {
    const m = buildMatrix(nodes, edges, { tasks: ['t1'] });
    expect(m.agencies.map((a) => a.id)).toEqual(['a', 'b']);
    expect(m.cells).toHaveLength(2);
    expect(m.truncated).toBe(false);
  });

  it('caps cells and axes and reports truncation', () => {
    const m = buildMatrix(nodes, edges, { agencies: ['a', 'b'] }, 1);
    expect(m).toMatchObject({ truncated: true, limit: 1 });
    expect(m.agencies).toHaveLength(1);
    expect(m.cells.length).toBeLessThanOrEqual(1);
  });
});

describe('buildMatrix with an empty list', () => {
  it('treats it as not given', () => {
    expect(buildMatrix(nodes, edges, { agencies: [], tasks: ['t2'] }).cells).toEqual([{ agency: 'b', task: 't2', role: 'COOPERATES' }]);
  });
});
