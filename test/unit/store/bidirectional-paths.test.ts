import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectPaths } from '../../../graph/analysis/paths.ts';
import type { EdgeType, GraphJson } from '../../../graph/model/index.ts';
import { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import type { GraphPath } from '../../../graph/store/types.ts';

// The embedded store searches from both ends; these compare it with every simple path of the
// shortest length, enumerated the slow way, on random graphs with hubs, parallel edges and
// filters, so the meeting in the middle never changes which paths come back or their order.

const TYPES: EdgeType[] = ['LEADS', 'COOPERATES', 'PART_OF'];

function refPaths(g: GraphJson, from: string, to: string, maxLength: number, edgeTypes?: EdgeType[]): GraphPath[] {
  const edges = g.edges.filter((e) => !edgeTypes || edgeTypes.includes(e.type));
  let layer: GraphPath[] = [{ nodes: [from], edges: [] }];
  if (from === to) return layer;
  for (let len = 1; len <= maxLength; len++) {
    const next: GraphPath[] = [];
    for (const p of layer) {
      const at = p.nodes[p.nodes.length - 1]!;
      for (const e of edges) {
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

/** Node 0..3 are hubs that most edges touch, like the lead agencies of the real graph. */
function toGraph(n: number, raw: [number, number, number][]): GraphJson {
  const id = (i: number) => `task:n${String(i).padStart(3, '0')}`;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: id(i), type: 'Task' as const, name: `n${i}`, aliases: [], props: {}, evidence: [] }));
  const seen = new Set<string>();
  const edges = raw.flatMap(([s, t, k]) => {
    const type = TYPES[k % TYPES.length]!;
    const e = { id: `${type}:${id(s % n)}->${id(t % n)}`, type, source: id(s % n), target: id(t % n), props: {}, evidence: [] };
    if (seen.has(e.id)) return [];
    seen.add(e.id);
    return [e];
  });
  return { nodes, edges };
}

const graphArb = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat(n - 1)), fc.nat(n - 1), fc.nat(2)), { minLength: n, maxLength: 4 * n }),
    pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: 1, maxLength: 6 }),
    max: fc.integer({ min: 1, max: 6 }),
    maxLength: fc.integer({ min: 1, max: 6 }),
    filter: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
  }),
);

describe('shortest paths by search from both ends', () => {
  it('gives the reference paths, order, cap and truncation on random graphs', async () => {
    let compared = 0;
    let nonEmpty = 0;
    let several = 0;
    await fc.assert(
      fc.asyncProperty(graphArb, async ({ n, edges, pairs, max, maxLength, filter }) => {
        const g = toGraph(n, edges);
        const store = new MemoryGraphStore(null);
        await store.loadGraph(g);
        for (const [x, y] of pairs) {
          const [from, to] = [g.nodes[x]!.id, g.nodes[y]!.id];
          const got = await store.shortestPaths(from, to, { max, maxLength, edgeTypes: filter });
          const want = selectPaths(refPaths(g, from, to, maxLength, filter), max);
          expect({ from, to, paths: got.paths, truncated: got.truncated }).toEqual({ from, to, paths: want.paths, truncated: want.truncated });
          expect(got.subgraph.nodes.map((node) => node.id).sort()).toEqual([...new Set(want.paths.flatMap((p) => p.nodes))].sort());
          compared++;
          if (want.paths.length > 0 && from !== to) nonEmpty++;
          if (want.paths.length > 1) several++;
        }
      }),
      { numRuns: 300, seed: 16 },
    );
    // Not vacuous: a good share of the pairs are connected, and some by several shortest paths.
    console.log(`compared ${compared} pairs: ${nonEmpty} connected, ${several} with several shortest paths`);
    expect(compared).toBeGreaterThan(500);
    expect(nonEmpty).toBeGreaterThan(compared / 3);
    expect(several).toBeGreaterThan(20);
  });

  it('finds a path whose length is exactly the limit and none past it', async () => {
    const g = toGraph(8, [0, 1, 2, 3, 4, 5, 6].map((i) => [i, i + 1, 0] as [number, number, number]));
    const store = new MemoryGraphStore(null);
    await store.loadGraph(g);
    const [from, to] = [g.nodes[0]!.id, g.nodes[7]!.id];
    expect((await store.shortestPaths(from, to, { maxLength: 7 })).paths.map((p) => p.edges.length)).toEqual([7]);
    expect((await store.shortestPaths(from, to, { maxLength: 6 })).paths).toEqual([]);
  });
});
