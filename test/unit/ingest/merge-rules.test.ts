import { describe, expect, it } from 'vitest';
import { findMergeCandidates } from '../../../graph/ingest/merge-candidates.ts';
import { applyMergeRules, confirmMerge, emptyRules, isRejected, rejectPair, resolveId } from '../../../graph/ingest/merge-rules.ts';
import type { GraphEdge, GraphJson, GraphNode } from '../../../graph/model/index.ts';

const ev = (doc: string, line: number, quote: string) => ({ doc, line, quote });
const node = (id: string, type: GraphNode['type'], name: string, evidence = [ev('a.txt', 1, name)]): GraphNode => ({ id, type, name, aliases: [], props: {}, evidence });
const edge = (type: GraphEdge['type'], source: string, target: string, evidence = [ev('a.txt', 2, 'x')]): GraphEdge => ({
  id: `${type}:${source}->${target}`, type, source, target, props: {}, evidence,
});
const T = node('task:a#row-1', 'Task', '建设平台');
const AT = { id: 'agency:科技信息局', name: '科技信息局', type: 'Agency' as const };
const SHORT = { id: 'agency:科信局', name: '科信局', type: 'Agency' as const };
const AT0 = '2026-01-01T00:00:00.000Z';

describe('applyMergeRules', () => {
  const graph: GraphJson = {
    nodes: [node(AT.id, 'Agency', AT.name), node(SHORT.id, 'Agency', SHORT.name, [ev('b.txt', 5, '科信局')]), T],
    edges: [edge('LEADS', AT.id, T.id), edge('COOPERATES', SHORT.id, T.id, [ev('b.txt', 5, '科信局')]), edge('LEADS', SHORT.id, T.id, [ev('b.txt', 6, '科信局')])],
  };

  it('folds the alias into the canonical node: name as alias, evidence united, edges rewired and merged', () => {
    const out = applyMergeRules(graph, confirmMerge(emptyRules(), SHORT, AT, AT0));
    expect(out.nodes.map((n) => n.id)).toEqual([AT.id, T.id]);
    expect(out.nodes[0]).toEqual({ ...node(AT.id, 'Agency', AT.name), aliases: ['科信局'], evidence: [ev('a.txt', 1, '科技信息局'), ev('b.txt', 5, '科信局')] });
    expect(out.edges.map((e) => [e.id, e.evidence.map((x) => `${x.doc}:${x.line}`)])).toEqual([
      [`COOPERATES:${AT.id}->${T.id}`, ['b.txt:5']],
      [`LEADS:${AT.id}->${T.id}`, ['a.txt:2', 'b.txt:6']],
    ]);
  });

  it('creates the canonical node when a document names only the alias', () => {
    const only: GraphJson = { nodes: [graph.nodes[1]!, T], edges: [graph.edges[1]!] };
    const out = applyMergeRules(only, confirmMerge(emptyRules(), SHORT, AT, AT0));
    expect(out.nodes[0]).toMatchObject({ id: AT.id, name: '科技信息局', type: 'Agency', aliases: ['科信局'] });
    expect(out.edges[0]!.source).toBe(AT.id);
  });

  it('leaves the graph alone without rules', () => {
    expect(applyMergeRules(graph, emptyRules())).toBe(graph);
  });
});

describe('rules', () => {
  it('chains merges and refuses a merge of a node with itself', () => {
    const C = { id: 'agency:科技创新委', name: '科技创新委', type: 'Agency' as const };
    let r = confirmMerge(emptyRules(), SHORT, AT, AT0);
    r = confirmMerge(r, AT, C, AT0); // a reorganisation renames the bureau
    expect(resolveId(r, SHORT.id)).toBe(C.id);
    expect(r.merges.map((m) => [m.alias, m.canonical])).toEqual([[SHORT.id, C.id], [AT.id, C.id]]);
    expect(() => confirmMerge(r, SHORT, C)).toThrow('already one node');
  });

  it('keeps rejections either way round, once', () => {
    const r = rejectPair(rejectPair(emptyRules(), 'a', 'b', AT0), 'b', 'a', AT0);
    expect(r.rejections).toEqual([{ a: 'a', b: 'b', at: AT0 }]);
    expect(isRejected(r, 'b', 'a')).toBe(true);
  });
});

describe('findMergeCandidates', () => {
  const g: GraphJson = {
    nodes: [
      node(AT.id, 'Agency', AT.name),
      node(SHORT.id, 'Agency', SHORT.name),
      node('institution:北京大学', 'Institution', '北京大学'),
      node('institution:北京理工大学', 'Institution', '北京理工大学'),
      node('enterprise:华为', 'Enterprise', '华为'),
      node('enterprise:华为技术有限公司', 'Enterprise', '华为技术有限公司', [ev('a.txt', 3, '华为技术有限公司'), ev('b.txt', 3, '华为技术有限公司')]),
      node('agency:深圳市水务局', 'Agency', '深圳市水务局'),
      node('agency:水务局', 'Agency', '水务局'),
    ],
    edges: [],
  };

  it('proposes abbreviations, city-prefix and company-suffix variants, not different bodies', () => {
    const c = findMergeCandidates(g, emptyRules());
    expect(c.map((x) => [x.alias.id, x.canonical.id, x.score, x.reasons.map((r) => r.kind)])).toEqual([
      ['agency:水务局', 'agency:深圳市水务局', 0.9, ['same-name']], // the fuller name wins a tie
      ['agency:科信局', 'agency:科技信息局', 0.75, ['abbreviation']],
      ['enterprise:华为', 'enterprise:华为技术有限公司', 0.7, ['name-contains']],
    ]);
    expect(c[1]!.reasons[0]!.evidence).toEqual([ev('a.txt', 1, '科技信息局'), ev('a.txt', 1, '科信局')]);
  });

  it('does not propose a rejected pair again', () => {
    const c = findMergeCandidates(g, rejectPair(emptyRules(), 'agency:水务局', 'agency:深圳市水务局'));
    expect(c.map((x) => x.id)).not.toContain('agency:水务局|agency:深圳市水务局');
    expect(c).toHaveLength(2);
  });

  it('adds "same role on the same task" when a clause and the row it cites name the body differently', () => {
    const S = node('task:a#3.1', 'Task', '节');
    const R = node('task:a#row-9', 'Task', '行');
    const nodes = [node('agency:发展改革局', 'Agency', '发展改革局'), node('agency:发展和改革局', 'Agency', '发展和改革局'), node('agency:甲局', 'Agency', '甲局'), node('agency:乙办', 'Agency', '乙办'), S, R];
    const gg: GraphJson = {
      nodes,
      edges: [edge('LEADS', 'agency:发展改革局', S.id), edge('LEADS', 'agency:发展和改革局', R.id), edge('COOPERATES', 'agency:甲局', S.id), edge('COOPERATES', 'agency:乙办', R.id), edge('CITES', S.id, R.id)],
    };
    const c = findMergeCandidates(gg, emptyRules());
    // 甲局 / 乙办 share a role but not a name: one weak signal is not proposed.
    expect(c.map((x) => [x.id, x.score, x.reasons.map((r) => r.kind)])).toEqual([['agency:发展和改革局|agency:发展改革局', 1, ['abbreviation', 'same-role']]]);
    expect(c[0]!.reasons[1]!.detail).toBe('LEADS task:a#3.1 in the text as 发展改革局, in the row it cites as 发展和改革局');
  });
});
