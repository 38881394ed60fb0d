import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../graph/store/errors.ts';
import { edgeId } from '../../graph/model/index.ts';
import { ids, smallGraph } from '../fixtures/small-graph.ts';
import type { MakeStore } from './contract-helpers.ts';
import { idsOf, sortedIds, useLoadedStore } from './contract-helpers.ts';

/** Paths, workload and trace on the fixture graph; expected answers worked out by hand. */
export function describeAnalyses(makeStore: MakeStore): void {
  describe('analyses on the fixture graph', () => {
    const store = useLoadedStore(makeStore, smallGraph);

    describe('shortestPaths', () => {
      it('finds the one shortest path, ignoring edge direction', async () => {
        const r = await store().shortestPaths(ids.ndrc, ids.finance);
        expect(r.paths).toEqual([
          { nodes: [ids.ndrc, ids.secB, ids.finance], edges: [edgeId('COOPERATES', ids.ndrc, ids.secB), edgeId('LEADS', ids.finance, ids.secB)] },
        ]);
        expect(r.truncated).toBe(false);
        expect(sortedIds(r.subgraph.nodes)).toEqual([ids.ndrc, ids.secB, ids.finance].sort());
        expect(r.subgraph.edges).toHaveLength(2);
      });
      it('finds a four-step path across documents and honours maxLength', async () => {
        const r = await store().shortestPaths(ids.nanshan, ids.finance);
        expect(r.paths.map((p) => p.nodes)).toEqual([[ids.nanshan, ids.row3, ids.sti, ids.row1, ids.finance]]);
        expect((await store().shortestPaths(ids.nanshan, ids.finance, { maxLength: 3 })).paths).toEqual([]);
      });
      it('returns several shortest paths in a stable order, capped by max', async () => {
        const r = await store().shortestPaths(ids.sti, ids.docA);
        expect(r.paths.map((p) => p.nodes)).toEqual([[ids.sti, ids.row3, ids.docA], [ids.sti, ids.secA, ids.docA]]);
        const one = await store().shortestPaths(ids.sti, ids.docA, { max: 1 });
        expect([one.paths.length, one.truncated]).toEqual([1, true]);
      });
      it('follows only the edge types asked for', async () => {
        const r = await store().shortestPaths(ids.sti, ids.docA, { edgeTypes: ['LEADS', 'PART_OF'] });
        expect(r.paths.map((p) => p.nodes)).toEqual([[ids.sti, ids.row3, ids.docA], [ids.sti, ids.secA, ids.docA]]);
        const none = await store().shortestPaths(ids.ndrc, ids.finance, { edgeTypes: ['LEADS'] });
        expect(none.paths).toEqual([]);
      });
      it('a node to itself is a path of no edges; unknown ends and bad options fail', async () => {
        expect((await store().shortestPaths(ids.sti, ids.sti)).paths).toEqual([{ nodes: [ids.sti], edges: [] }]);
        await expect(store().shortestPaths(ids.sti, 'nope')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store().shortestPaths(ids.sti, ids.docA, { max: 0 })).rejects.toBeInstanceOf(InvalidInputError);
      });
    });

    describe('workload', () => {
      it('counts table rows and sections per specific agency, sorted by rows led', async () => {
        const w = await store().workload();
        expect(w.map((a) => a.agency.name)).toEqual(['科技创新委', '发展改革局', '财政局', '南山区政府']);
        expect(w[0]).toEqual({
          agency: { id: ids.sti, name: '科技创新委', nameEn: null, level: 'municipal' },
          rows: { led: 2, cooperated: 1, responsible: 0 },
          sections: { led: 1, cooperated: 0, responsible: 0 },
          byDoc: { 'a.txt': { led: 3, cooperated: 1, responsible: 0 } },
          byYear: { '2010': { led: 1, cooperated: 0, responsible: 0 }, '2011': { led: 0, cooperated: 1, responsible: 0 }, none: { led: 2, cooperated: 0, responsible: 0 } },
        });
        expect(w[1]?.sections).toEqual({ led: 0, cooperated: 2, responsible: 0 });
      });
      it('filters by level and by document; collective phrases only on request', async () => {
        expect((await store().workload({ level: 'district' })).map((a) => a.agency.id)).toEqual([ids.nanshan]);
        expect((await store().workload({ doc: 'b.txt' })).map((a) => a.agency.id)).toEqual([ids.finance, ids.ndrc]);
        const all = await store().workload({ includeCollective: true });
        expect(all.map((a) => a.agency.id)).toEqual([ids.sti, ids.ndrc, ids.finance, ids.nanshan, ids.collective]);
      });
    });

    describe('trace', () => {
      it('links agencies to a technology domain through tasks aimed at it or its subfields', async () => {
        const t = await store().trace('生命科学与生物技术');
        expect(t.technology.id).toBe(ids.bio);
        expect(t.technologies[0]).toBe(ids.bio);
        expect([...t.technologies].sort()).toEqual([ids.bio, ids.gene, ids.drug].sort());
        expect(t.agencies.map((a) => [a.agency.name, a.led, a.cooperated])).toEqual([
          ['科技创新委', 2, 1],
          ['发展改革局', 1, 1],
          ['财政局', 0, 1],
        ]);
        expect(t.agencies.map((a) => a.path)).toEqual([
          [ids.sti, ids.row1, ids.gene, ids.bio],
          [ids.ndrc, ids.row2, ids.drug, ids.bio],
          [ids.finance, ids.row1, ids.gene, ids.bio],
        ]);
        expect(t.agencies[0]?.tasks).toEqual([
          { id: ids.row1, name: '建设基因测序平台', role: 'LEADS', technology: ids.gene },
          { id: ids.secA, name: '加快生物产业发展', role: 'LEADS', technology: ids.bio },
          { id: ids.row2, name: '创新药物研发', role: 'COOPERATES', technology: ids.drug },
        ]);
        expect(sortedIds(t.subgraph.nodes)).toEqual([ids.bio, ids.sti, ids.row1, ids.gene, ids.secA, ids.row2, ids.drug, ids.ndrc, ids.finance].sort());
        expect(t.subgraph.edges).toHaveLength(11);
        expect(t.truncated).toBe(false);
      });
      it('accepts an id or an alias, and caps the subgraph', async () => {
        expect((await store().trace(ids.bio)).agencies).toHaveLength(3);
        expect((await store().trace('生物技术')).technology.id).toBe(ids.bio);
        const capped = await store().trace(ids.bio, { limit: 4 });
        expect([capped.truncated, capped.subgraph.nodes.length <= 4, capped.agencies.length]).toEqual([true, true, 3]);
      });
      it('orders agencies with equal totals by name', async () => {
        expect(idsOf((await store().trace('新材料')).agencies.map((a) => a.agency))).toEqual([ids.nanshan, ids.sti]);
      });
      it('NotFoundError for an unknown technology or a node that is not one', async () => {
        await expect(store().trace('量子计算')).rejects.toBeInstanceOf(NotFoundError);
        await expect(store().trace(ids.sti)).rejects.toBeInstanceOf(NotFoundError);
      });
    });
  });
}
