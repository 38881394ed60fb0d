import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../graph/model/index.ts';
import type { SearchCandidate } from '../../../graph/analysis/search-rank.ts';
import { bestMatch, compareCandidates, normaliseSearchText, topK } from '../../../graph/analysis/search-rank.ts';
import { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import { seedGraph } from '../../contract/seed-graph.ts';

/** The reference answer: every node, ranked by the shared comparator (what the Neo4j store does). */
function bruteForce(nodes: readonly GraphNode[], query: string, limit: number) {
  const q = normaliseSearchText(query);
  const all: SearchCandidate[] = [];
  for (const n of nodes) {
    const m = bestMatch(n.name, n.aliases, q, typeof n.props['nameEn'] === 'string' ? n.props['nameEn'] : undefined);
    if (m) all.push({ id: n.id, type: n.type, name: n.name, collective: n.props['collective'] === true, ...m });
  }
  const { top, total } = topK(all, limit, compareCandidates);
  return { hits: top.map((c) => [c.id, c.rank, c.matched]), truncated: total > limit };
}

describe('embedded search index', () => {
  it('gives exactly the shared ranking over a brute-force scan, for many queries on the seed graph', async () => {
    const graph = await seedGraph();
    const store = new MemoryGraphStore(null);
    await store.loadGraph(graph);
    // Every 1-, 2- and 3-character piece of a sample of names and aliases, plus misses and latin.
    const queries = new Set<string>(['局', '市', '各', 'BGI', 'bgi', 'ZTE', '不存在的名字', '深圳市人民政府', '发改委', '科信局', 'finance', 'Bureau', '深交', '南科大']);
    for (const n of graph.nodes.filter((_, i) => i % 7 === 0)) {
      for (const text of [n.name, ...n.aliases.slice(0, 1)]) {
        for (const len of [1, 2, 3]) if (text.length >= len) queries.add(text.slice(text.length >> 1, (text.length >> 1) + len));
        queries.add(text);
      }
    }
    expect(queries.size).toBeGreaterThan(200);
    for (const q of queries) {
      if (!q.trim()) continue;
      const got = await store.search(q, { limit: 10 });
      expect([q, got.hits.map((h) => [h.node.id, h.rank, h.matched]), got.truncated]).toEqual([q, ...Object.values(bruteForce(graph.nodes, q, 10))]);
    }
  });

  it('applies the type filter before the limit', async () => {
    const graph = await seedGraph();
    const store = new MemoryGraphStore(null);
    await store.loadGraph(graph);
    const got = await store.search('深圳', { types: ['Enterprise'], limit: 5 });
    const want = bruteForce(graph.nodes.filter((n) => n.type === 'Enterprise'), '深圳', 5);
    expect(got.hits.map((h) => [h.node.id, h.rank, h.matched])).toEqual(want.hits);
    expect(got.hits.every((h) => h.node.type === 'Enterprise')).toBe(true);
  });

  it('finds an abbreviation by its characters in order (发改委) and an agency by its English gloss (Finance)', async () => {
    const graph = await seedGraph();
    const store = new MemoryGraphStore(null);
    await store.loadGraph(graph);
    const drc = (await store.search('发改委', { limit: 5 })).hits[0];
    expect([drc?.node.id, drc?.rank, drc?.matched]).toEqual(['agency:发展改革局', 'abbrev', '发展和改革委员会']);
    const finance = (await store.search('Finance', { limit: 5 })).hits[0];
    expect([finance?.node.id, finance?.rank, finance?.matched]).toEqual(['agency:财政局', 'prefix', 'Finance Bureau']);
    // Latin queries are words: no abbreviation hits from scattered letters.
    expect((await store.search('fb', { limit: 5 })).hits.filter((h) => h.rank === 'abbrev')).toEqual([]);
  });
});
