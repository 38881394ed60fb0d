import { beforeAll, describe, expect, it } from 'vitest';
import type { EdgeType, GraphJson, NodeType } from '../../../graph/model/index.ts';
import { selectPaths } from '../../../graph/analysis/paths.ts';
import type { GraphPath } from '../../../graph/store/types.ts';
import { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import { seedGraph } from '../../contract/seed-graph.ts';

// The embedded store walks a compressed adjacency; these compare it with plain reference walks
// over the Graph JSON, written as simply as possible, on the real seed graph.

function refNeighbors(g: GraphJson, start: string, depth: number, nodeTypes?: NodeType[], edgeTypes?: EdgeType[]) {
  const type = new Map(g.nodes.map((n) => [n.id, n.type]));
  const edges = g.edges.filter((e) => !edgeTypes || edgeTypes.includes(e.type));
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth; d++) {
    const next = new Set<string>();
    for (const e of edges) {
      for (const [u, v] of [[e.source, e.target], [e.target, e.source]] as const) {
        if (frontier.includes(u) && !seen.has(v) && (!nodeTypes || nodeTypes.includes(type.get(v)!))) next.add(v);
      }
    }
    for (const v of next) seen.add(v);
    frontier = [...next];
  }
  return { nodes: [...seen].sort(), edges: edges.filter((e) => seen.has(e.source) && seen.has(e.target)).map((e) => e.id).sort() };
}

function refPaths(g: GraphJson, from: string, to: string, maxLength: number): GraphPath[] {
  let layer: GraphPath[] = [{ nodes: [from], edges: [] }];
  for (let len = 1; len <= maxLength; len++) {
    const next: GraphPath[] = [];
    for (const p of layer) {
      const at = p.nodes[p.nodes.length - 1]!;
      for (const e of g.edges) {
        const v = e.source === at ? e.target : e.target === at ? e.source : null;
        if (v !== null && !p.nodes.includes(v)) next.push({ nodes: [...p.nodes, v], edges: [...p.edges, e.id] });
      }
    }
    const done = next.filter((p) => p.nodes[p.nodes.length - 1] === to);
    if (done.length) return done;
    layer = next;
  }
  return [];
}

describe('embedded traversals against reference walks', () => {
  let g: GraphJson;
  let starts: string[];
  const store = new MemoryGraphStore(null);
  beforeAll(async () => {
    g = await seedGraph();
    await store.loadGraph(g);
    starts = g.nodes.filter((_, i) => i % 23 === 0).map((n) => n.id);
  });

  it('neighbours at depth 1 and 2, with and without filters', async () => {
    for (const id of starts) {
      for (const [depth, nodeTypes, edgeTypes] of [[1], [2], [2, ['Agency', 'Task']], [2, undefined, ['LEADS', 'COOPERATES']]] as [number, NodeType[]?, EdgeType[]?][]) {
        const got = await store.neighbors(id, { depth, nodeTypes, edgeTypes });
        const want = refNeighbors(g, id, depth, nodeTypes, edgeTypes);
        expect([id, depth, got.nodes.map((n) => n.id).sort(), got.edges.map((e) => e.id)]).toEqual([id, depth, want.nodes, want.edges]);
      }
    }
  });

  it('shortest paths: the same paths in the shared order', async () => {
    const agencies = g.nodes.filter((n) => n.type === 'Agency').map((n) => n.id);
    let found = 0;
    for (let i = 0; i + 1 < agencies.length; i += 2) {
      const [from, to] = [agencies[i]!, agencies[i + 1]!];
      const got = await store.shortestPaths(from, to, { max: 5, maxLength: 3 });
      const want = selectPaths(refPaths(g, from, to, 3), 5);
      found += want.paths.length;
      expect([from, to, got.paths, got.truncated]).toEqual([from, to, want.paths, want.truncated]);
    }
    expect(found).toBeGreaterThan(10); // the comparison is not vacuous
  });
});
