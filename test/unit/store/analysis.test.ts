import { describe, expect, it } from 'vitest';
import { bestMatch, compareCandidates, matchRank, topK } from '../../../graph/analysis/search-rank.ts';
import type { SearchCandidate } from '../../../graph/analysis/search-rank.ts';
import { comparePaths, selectPaths } from '../../../graph/analysis/paths.ts';
import { computeWorkload, deadlineYear } from '../../../graph/analysis/workload.ts';
import { assembleTrace, technologyTree } from '../../../graph/analysis/trace.ts';

const cand = (id: string, over: Partial<SearchCandidate> = {}): SearchCandidate => ({ id, type: 'Agency', name: id, collective: false, rank: 'contains', matched: id, ...over });

describe('search ranking', () => {
  it('ranks exact, prefix, contains, and folds latin case', () => {
    expect([matchRank('财政局', '财政局'), matchRank('财政局', '财政'), matchRank('市财政局', '财政'), matchRank('财政局', '教育')]).toEqual(['exact', 'prefix', 'contains', null]);
    expect(bestMatch('华大基因', ['BGI', 'bgi genomics'], 'bgi')).toEqual({ rank: 'exact', matched: 'BGI' });
    expect(bestMatch('财政局', ['财政局本级'], '财政')).toEqual({ rank: 'prefix', matched: '财政局' });
  });

  it('orders specific organisations, collective ones, technologies, documents, tasks; then length, then id', () => {
    const list = [
      cand('task:1', { type: 'Task', name: '短' }),
      cand('doc', { type: 'Document' }),
      cand('tech', { type: 'Technology' }),
      cand('agency:各相关部门', { collective: true }),
      cand('agency:长名字的局'),
      cand('enterprise:b', { type: 'Enterprise', name: '短名' }),
      cand('agency:a', { name: '短名' }),
      cand('agency:z', { rank: 'prefix', type: 'Task' }),
    ];
    expect([...list].sort(compareCandidates).map((c) => c.id)).toEqual(['agency:z', 'agency:a', 'enterprise:b', 'agency:长名字的局', 'agency:各相关部门', 'tech', 'doc', 'task:1']);
  });

  it('topK keeps the k smallest in order and counts everything', () => {
    const { top, total } = topK([5, 1, 4, 2, 3, 0], 3, (a, b) => a - b);
    expect([top, total]).toEqual([[0, 1, 2], 6]);
  });
});

describe('path order', () => {
  it('shorter first, then by next node id, then by edge id', () => {
    const p = (nodes: string[], edges: string[]) => ({ nodes, edges });
    const a = p(['s', 'b', 't'], ['e2', 'e1']);
    const b = p(['s', 'a', 't'], ['e9', 'e1']);
    const c = p(['s', 'a', 't'], ['e3', 'e1']);
    const d = p(['s', 't'], ['e0']);
    expect([a, b, c, d].sort(comparePaths)).toEqual([d, c, b, a]);
    expect(selectPaths([a, b, c], 2)).toEqual({ paths: [c, b], truncated: true });
  });
});

describe('workload', () => {
  const agency = (id: string, props: Record<string, string | boolean> = { level: 'municipal' }) => ({ id, type: 'Agency', name: id, props });
  const task = (id: string, kind: string, doc: string, ends: string[] = []) => ({
    id,
    props: { kind, doc, ...(ends.length ? { deadlines: ends.map((end) => ({ text: end, start: null, end, precision: 'day', label: end })) } : {}) },
  });

  it('takes the year of the latest deadline end, else none', () => {
    expect(deadlineYear(task('t', 'tableRow', 'a', ['2011-12-31', '2009-06-30']).props)).toBe('2011');
    expect(deadlineYear({})).toBe('none');
  });

  it('counts rows and sections, skips non-agencies and collective phrases, sorts by rows led', () => {
    const w = computeWorkload([
      { agency: agency('b'), task: task('t1', 'tableRow', 'x.txt', ['2010-01-01']), role: 'LEADS', docs: ['x.txt'] },
      { agency: agency('b'), task: task('t2', 'section', 'y.txt'), role: 'COOPERATES', docs: ['y.txt'] },
      { agency: agency('a'), task: task('t1', 'tableRow', 'x.txt', ['2010-01-01']), role: 'COOPERATES', docs: ['x.txt'] },
      { agency: { ...agency('i'), type: 'Institution' }, task: task('t1', 'tableRow', 'x.txt'), role: 'COOPERATES', docs: ['x.txt'] },
      { agency: agency('c', { level: 'other', collective: true }), task: task('t1', 'tableRow', 'x.txt'), role: 'LEADS', docs: ['x.txt'] },
    ]);
    expect(w.map((x) => [x.agency.id, x.rows, x.sections])).toEqual([
      ['b', { led: 1, cooperated: 0, responsible: 0 }, { led: 0, cooperated: 1, responsible: 0 }],
      ['a', { led: 0, cooperated: 1, responsible: 0 }, { led: 0, cooperated: 0, responsible: 0 }],
    ]);
    expect(w[0]?.byDoc).toEqual({ 'x.txt': { led: 1, cooperated: 0, responsible: 0 }, 'y.txt': { led: 0, cooperated: 1, responsible: 0 } });
    expect(w[0]?.byYear).toEqual({ '2010': { led: 1, cooperated: 0, responsible: 0 }, none: { led: 0, cooperated: 1, responsible: 0 } });
  });

  it('a row named by two documents counts once as a row and once in each document', () => {
    const shared = { agency: agency('b'), task: { id: 't1', props: { kind: 'tableRow' } }, role: 'LEADS' as const, docs: ['x.txt', 'z.txt'] };
    const [all] = computeWorkload([shared]);
    expect(all?.rows).toEqual({ led: 1, cooperated: 0, responsible: 0 });
    expect(all?.byDoc).toEqual({ 'x.txt': { led: 1, cooperated: 0, responsible: 0 }, 'z.txt': { led: 1, cooperated: 0, responsible: 0 } });
    expect(computeWorkload([shared], { doc: 'z.txt' })[0]?.rows).toEqual({ led: 1, cooperated: 0, responsible: 0 });
    expect(computeWorkload([shared], { doc: 'y.txt' })).toEqual([]);
  });
});

describe('trace assembly', () => {
  const subfields = [
    { id: 's1', child: 'gene', parent: 'bio' },
    { id: 's2', child: 'seq', parent: 'gene' },
    { id: 's3', child: 'other', parent: 'elsewhere' },
  ];
  it('collects the technology and its subfields breadth first, with the hop toward the root', () => {
    const t = technologyTree('bio', subfields);
    expect(t.order).toEqual(['bio', 'gene', 'seq']);
    expect(t.up.get('seq')?.parent).toBe('gene');
  });

  it('attributes a task to its technology nearest the root and builds the path to the root', () => {
    const a = assembleTrace(
      'bio',
      subfields,
      [{ id: 't1', task: 'task1', technology: 'seq' }, { id: 't2', task: 'task1', technology: 'gene' }, { id: 't3', task: 'task2', technology: 'other' }],
      [
        { id: 'r1', agency: { id: 'ag', name: '局', type: 'Agency', props: {} }, task: { id: 'task1', name: 'T1' }, role: 'COOPERATES' },
        { id: 'r2', agency: { id: 'ag', name: '局', type: 'Agency', props: {} }, task: { id: 'task1', name: 'T1' }, role: 'COOPERATES' },
        { id: 'r3', agency: { id: 'all', name: '各部门', type: 'Agency', props: { collective: true } }, task: { id: 'task1', name: 'T1' }, role: 'LEADS' },
        { id: 'r4', agency: { id: 'ag2', name: '委', type: 'Agency', props: {} }, task: { id: 'task2', name: 'T2' }, role: 'LEADS' },
      ],
    );
    expect(a.agencies.map((x) => [x.agency.id, x.led, x.cooperated, x.path])).toEqual([['ag', 0, 1, ['ag', 'task1', 'gene', 'bio']]]);
    expect(a.nodeIds.sort()).toEqual(['ag', 'bio', 'gene', 'task1']);
    expect(a.edgeIds.sort()).toEqual(['r1', 's1', 't2']);
  });
});
