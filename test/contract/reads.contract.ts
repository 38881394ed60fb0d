import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../graph/store/errors.ts';
import { ids, smallGraph } from '../fixtures/small-graph.ts';
import type { MakeStore } from './contract-helpers.ts';
import { idsOf, sortedIds, useLoadedStore } from './contract-helpers.ts';

/** Node, count, search and neighbour operations, on the hand-written fixture (answers by hand). */
export function describeReads(makeStore: MakeStore): void {
  describe('reads on the fixture graph', () => {
    const store = useLoadedStore(makeStore, smallGraph);
    const fixture = smallGraph();

    it('counts nodes and edges by type', async () => {
      expect(await store().counts()).toEqual({
        nodes: { Agency: 5, Institution: 1, Enterprise: 1, Technology: 4, Document: 2, Task: 5 },
        edges: { LEADS: 5, COOPERATES: 7, PART_OF: 5, CITES: 1, SUBFIELD_OF: 2, TARGETS: 4, DEPENDS_ON: 1, MENTIONS: 1 },
        totalNodes: 18,
        totalEdges: 26,
      });
    });

    it('gets a node exactly as loaded, and NotFoundError for an unknown id', async () => {
      expect(await store().getNode(ids.ndrc)).toEqual(fixture.nodes.find((n) => n.id === ids.ndrc));
      await expect(store().getNode('agency:不存在')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('gets several nodes in the order asked, skipping unknown ids', async () => {
      expect(idsOf(await store().getNodes([ids.sti, 'nope', ids.row1, ids.sti]))).toEqual([ids.sti, ids.row1]);
    });

    it('reports degree by edge type and direction', async () => {
      expect(await store().degree(ids.sti)).toEqual({ LEADS: { in: 0, out: 3 }, COOPERATES: { in: 0, out: 1 } });
      expect(await store().degree(ids.row1)).toEqual({
        LEADS: { in: 1, out: 0 }, COOPERATES: { in: 3, out: 0 }, PART_OF: { in: 0, out: 1 },
        CITES: { in: 1, out: 0 }, TARGETS: { in: 0, out: 1 }, DEPENDS_ON: { in: 0, out: 1 },
      });
      await expect(store().degree('nope')).rejects.toBeInstanceOf(NotFoundError);
    });

    describe('search', () => {
      const hits = async (q: string, options?: Parameters<ReturnType<typeof store>['search']>[1]) =>
        (await store().search(q, options)).hits.map((h) => [h.node.id, h.rank, h.matched]);

      it('ranks exact, then prefix, then contains; organisations before tasks', async () => {
        expect(await hits('财政')).toEqual([[ids.finance, 'prefix', '财政局'], [ids.secB, 'contains', '完善财政投入机制']]);
        expect(await hits('基因')).toEqual([[ids.gene, 'prefix', '基因测序'], [ids.bgi, 'contains', '华大基因'], [ids.row1, 'contains', '建设基因测序平台']]);
      });
      it('matches aliases and reports the alias that matched', async () => {
        expect(await hits('市财政局')).toEqual([[ids.finance, 'exact', '市财政局']]);
        expect(await hits('生物技术')).toEqual([[ids.bio, 'exact', '生物技术']]);
      });
      it('folds case for latin text', async () => {
        expect(await hits('bgi')).toEqual([[ids.bgi, 'exact', 'BGI']]);
      });
      it('orders equal ranks by shorter name, then id', async () => {
        expect((await hits('局')).map((h) => h[0])).toEqual([ids.finance, ids.ndrc]);
      });
      it('filters by type and caps with truncated', async () => {
        expect(await hits('基因', { types: ['Technology', 'Task'] })).toEqual([[ids.gene, 'prefix', '基因测序'], [ids.row1, 'contains', '建设基因测序平台']]);
        const capped = await store().search('基因', { limit: 1 });
        expect([capped.hits.length, capped.truncated, capped.limit]).toEqual([1, true, 1]);
        expect((await store().search('基因')).truncated).toBe(false);
      });
      it('returns nothing for no match and refuses an empty query', async () => {
        expect(await hits('量子计算')).toEqual([]);
        await expect(store().search('  ')).rejects.toBeInstanceOf(InvalidInputError);
      });
    });

    describe('neighbors', () => {
      it('depth 1: the start, its neighbours in id order, and every edge among them', async () => {
        const g = await store().neighbors(ids.sti);
        expect(idsOf(g.nodes)).toEqual([ids.sti, ...[ids.secA, ids.row1, ids.row2, ids.row3].sort()]);
        expect(sortedIds(g.edges)).toEqual(
          ['LEADS:agency:科技创新委->task:a.txt#二', 'LEADS:agency:科技创新委->task:a.txt#row1', 'COOPERATES:agency:科技创新委->task:a.txt#row2',
            'LEADS:agency:科技创新委->task:a.txt#row3', 'PART_OF:task:a.txt#row1->task:a.txt#二', 'PART_OF:task:a.txt#row2->task:a.txt#二',
            'CITES:task:a.txt#二->task:a.txt#row1'].sort(),
        );
        expect(g.truncated).toBe(false);
      });
      it('walks only through the node types asked for (the start always included)', async () => {
        const g = await store().neighbors(ids.sti, { depth: 2, nodeTypes: ['Agency', 'Task'] });
        expect(sortedIds(g.nodes)).toEqual([ids.sti, ids.secA, ids.row1, ids.row2, ids.row3, ids.ndrc, ids.finance, ids.collective, ids.nanshan].sort());
        const tasksOnly = await store().neighbors(ids.sti, { depth: 3, nodeTypes: ['Task'] });
        expect(sortedIds(tasksOnly.nodes)).toEqual([ids.sti, ids.secA, ids.row1, ids.row2, ids.row3].sort());
      });
      it('follows only the edge types asked for', async () => {
        const g = await store().neighbors(ids.sti, { depth: 2, edgeTypes: ['LEADS'] });
        expect(sortedIds(g.nodes)).toEqual([ids.sti, ids.secA, ids.row1, ids.row3].sort());
        expect(g.edges.every((e) => e.type === 'LEADS')).toBe(true);
        expect(g.edges).toHaveLength(3);
      });
      it('depth 3 reaches the technology tree from an agency', async () => {
        const g = await store().neighbors(ids.finance, { depth: 3 });
        expect(idsOf(g.nodes)).toContain(ids.gene);
        expect(idsOf(g.nodes)).toContain(ids.bio);
        expect(idsOf(g.nodes)).not.toContain(ids.drug);
      });
      it('caps the node count level by level and says so', async () => {
        const g = await store().neighbors(ids.sti, { limit: 3 });
        expect(idsOf(g.nodes)).toEqual([ids.sti, ...[ids.secA, ids.row1, ids.row2, ids.row3].sort().slice(0, 2)]);
        expect([g.truncated, g.limit]).toEqual([true, 3]);
      });
      it('rejects depth outside 1..3 and unknown nodes', async () => {
        await expect(store().neighbors(ids.sti, { depth: 4 })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store().neighbors(ids.sti, { depth: 0 })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store().neighbors('nope')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    it('subgraph: known ids, the edges among them, capped', async () => {
      const g = await store().subgraph([ids.sti, ids.row1, 'nope']);
      expect(idsOf(g.nodes)).toEqual([ids.sti, ids.row1]);
      expect(idsOf(g.edges)).toEqual(['LEADS:agency:科技创新委->task:a.txt#row1']);
      const capped = await store().subgraph([ids.sti, ids.row1], { limit: 1 });
      expect([capped.nodes.length, capped.truncated]).toEqual([1, true]);
    });

    it('exports exactly the graph it was given', async () => {
      expect(await store().exportGraph()).toEqual(fixture);
    });
  });
}
