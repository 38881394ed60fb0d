import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import { edgeId } from '../../graph/model/index.ts';
import { InvalidInputError, NotFoundError } from '../../graph/store/errors.ts';
import { documentFragment, ids, smallGraph } from '../fixtures/small-graph.ts';
import type { MakeStore } from './contract-helpers.ts';
import { idsOf, useLoadedStore } from './contract-helpers.ts';

/** Loads, document replacement and clear; each test leaves the fixture graph loaded. */
export function describeWrites(makeStore: MakeStore): void {
  describe('writes', () => {
    const store = useLoadedStore(makeStore, smallGraph);
    const fixture = smallGraph();
    const reset = async () => {
      await store().loadGraph(fixture);
    };

    it('reports what a load added and removed, and a reload of the same graph changes nothing', async () => {
      await store().clear();
      const first = await store().loadGraph(fixture);
      expect({ ...first, ms: 0 }).toEqual({ nodes: 18, edges: 26, nodesAdded: 18, nodesRemoved: 0, edgesAdded: 26, edgesRemoved: 0, ms: 0 });
      const again = await store().loadGraph(fixture);
      expect([again.nodesAdded, again.nodesRemoved, again.edgesAdded, again.edgesRemoved]).toEqual([0, 0, 0, 0]);
      expect(await store().exportGraph()).toEqual(fixture);
    });

    it('refuses a malformed graph and keeps the previous one whole', async () => {
      const dangling: GraphJson = { nodes: fixture.nodes, edges: [...fixture.edges, { ...fixture.edges[0]!, id: 'x', target: 'task:missing' }] };
      await expect(store().loadGraph(dangling)).rejects.toBeInstanceOf(InvalidInputError);
      const badType = { nodes: [{ ...fixture.nodes[0]!, type: 'Bogus' }], edges: [] } as unknown as GraphJson;
      await expect(store().loadGraph(badType)).rejects.toBeInstanceOf(InvalidInputError);
      expect(await store().exportGraph()).toEqual(fixture);
    });

    it('replacing a document with its own facts changes nothing', async () => {
      const s = await store().replaceDocument('b.txt', documentFragment(fixture, 'b.txt'));
      expect([s.nodesAdded, s.nodesRemoved, s.edgesAdded, s.edgesRemoved]).toEqual([0, 0, 0, 0]);
      expect(await store().exportGraph()).toEqual(fixture);
    });

    it('removing a document drops only the facts no other document supports', async () => {
      const s = await store().removeDocument('b.txt');
      expect([s.nodesRemoved, s.nodes, s.edgesRemoved, s.edges]).toEqual([2, 16, 4, 22]);
      const finance = await store().getNode(ids.finance);
      expect(finance.evidence.map((e) => e.doc)).toEqual(['a.txt']);
      await expect(store().getNode(ids.secB)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store().workload({ doc: 'b.txt' }))).toEqual([]);
      // Re-ingesting the document restores the original graph exactly.
      await store().replaceDocument('b.txt', documentFragment(fixture, 'b.txt'));
      expect(await store().exportGraph()).toEqual(fixture);
    });

    it('a new version of a document removes what it no longer says', async () => {
      const a = documentFragment(fixture, 'a.txt');
      const dropped = new Set<string>([ids.row3, ids.nanshan, ids.finance]);
      const next: GraphJson = {
        nodes: a.nodes.filter((n) => !dropped.has(n.id)),
        edges: a.edges.filter((e) => !dropped.has(e.source) && !dropped.has(e.target)),
      };
      const s = await store().replaceDocument('a.txt', next);
      expect(s.nodesRemoved).toBe(2); // row3 and 南山区政府; 财政局 is still in b.txt
      const left = await store().exportGraph();
      const nodeIds = idsOf(left.nodes);
      expect(nodeIds).not.toContain(ids.row3);
      expect(nodeIds).not.toContain(ids.nanshan);
      expect(nodeIds).toContain(ids.finance);
      expect(nodeIds).toContain(ids.material); // no evidence at all: never removed by a document
      expect(idsOf(left.edges)).not.toContain(edgeId('COOPERATES', ids.finance, ids.row1));
      expect(idsOf(left.edges)).toContain(edgeId('LEADS', ids.finance, ids.secB));
      await reset();
    });

    it('refuses a fragment whose edges point nowhere, changing nothing', async () => {
      const bad: GraphJson = { nodes: [], edges: [{ ...fixture.edges[0]!, id: 'x', source: 'task:missing' }] };
      await expect(store().replaceDocument('a.txt', bad)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(store().removeDocument('never-loaded.txt')).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().exportGraph()).toEqual(fixture);
    });

    it('replaces a batch of documents in one write; a bad entry is reported in its place and the rest apply', async () => {
      await store().removeDocument('b.txt');
      await store().removeDocument('a.txt');
      const bad: GraphJson = { nodes: [], edges: [{ ...fixture.edges[0]!, id: 'x', source: 'task:missing' }] };
      const results = await store().replaceDocuments([
        { doc: 'a.txt', fragment: documentFragment(fixture, 'a.txt') },
        { doc: 'c.txt', fragment: bad },
        { doc: 'b.txt', fragment: documentFragment(fixture, 'b.txt') },
      ]);
      expect(results[1]).toBeInstanceOf(InvalidInputError);
      const [a, , b] = results as [{ nodesAdded: number }, unknown, { nodesAdded: number; nodes: number; edges: number }];
      expect([a.nodesAdded, b.nodesAdded, b.nodes, b.edges]).toEqual([12, 2, 18, 26]); // 4 nodes no document cites were never removed
      expect(await store().exportGraph()).toEqual(fixture);
    });

    it('clear empties the store', async () => {
      await store().clear();
      expect(await store().counts()).toEqual({ nodes: {}, edges: {}, totalNodes: 0, totalEdges: 0 });
      expect((await store().search('局')).hits).toEqual([]);
      await reset();
    });
  });
}
