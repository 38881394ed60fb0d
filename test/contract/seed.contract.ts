import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import type { MakeStore } from './contract-helpers.ts';
import { idsOf, useLoadedStore } from './contract-helpers.ts';
import { seedDocumentGraph, seedGraph } from './seed-graph.ts';

// Real values from the two seed documents. They were computed once and are pinned here;
// both stores must give them. A change in the ETL that moves them is a change to look at.
const PLAN = '000_2ebb2acb91732bad';
const ST = '004_6d8794a7fddf0732';
const BIO = 'technology:生命科学与生物技术';
const NDRC = 'agency:发展改革局';

export function describeSeed(makeStore: MakeStore): void {
  describe('the real seed graph', () => {
    let etl: GraphJson;
    const store = useLoadedStore(makeStore, async () => (etl = await seedGraph()));

    it('round trip: ETL → store → Graph JSON export equals the ETL output', async () => {
      expect(await store().exportGraph()).toEqual(etl);
      const counts = await store().counts();
      expect([counts.totalNodes, counts.totalEdges]).toEqual([etl.nodes.length, etl.edges.length]);
    });

    it('re-ingesting the S&T plan on its own leaves the graph exactly as the full ETL built it', async () => {
      const s = await store().replaceDocument(`${ST}.txt`, await seedDocumentGraph(`${ST}.txt`));
      expect([s.nodesAdded, s.nodesRemoved, s.edgesAdded, s.edgesRemoved]).toEqual([0, 0, 0, 0]);
      expect(await store().exportGraph()).toEqual(etl);
    });

    it('workload: 发展改革局 leads the most division-table rows (28)', async () => {
      const [top] = await store().workload();
      expect(top?.agency).toEqual({ id: NDRC, name: '发展改革局', nameEn: 'Development and Reform Bureau', level: 'municipal' });
      expect(top?.rows).toEqual({ led: 28, cooperated: 39, responsible: 0 });
      // Independent recount from the Graph JSON: LEADS edges from it into table-row tasks.
      const rows = new Set(etl.nodes.filter((n) => n.type === 'Task' && n.props['kind'] === 'tableRow').map((n) => n.id));
      expect(etl.edges.filter((e) => e.type === 'LEADS' && e.source === NDRC && rows.has(e.target))).toHaveLength(28);
    });

    it('workload by level: 光明新区管委会 tops the districts', async () => {
      const [top] = await store().workload({ level: 'district' });
      expect([top?.agency.name, top?.rows]).toEqual(['光明新区管委会', { led: 2, cooperated: 10, responsible: 0 }]);
    });

    it('search finds agencies by short name and by alias, ranked', async () => {
      const s = await store().search('深圳大学', { limit: 3 });
      expect(s.hits.map((h) => [h.node.id, h.rank])).toEqual([
        ['institution:深圳大学', 'exact'],
        ['institution:深圳大学城', 'prefix'],
        [`task:${PLAN}#4.1.1.1`, 'contains'],
      ]);
      expect(s.truncated).toBe(true);
      const alias = await store().search('市发改局');
      expect([alias.hits[0]?.node.id, alias.hits[0]?.rank, alias.hits[0]?.matched]).toEqual([NDRC, 'exact', '市发改局']);
    });

    it('shortest paths: 深圳大学 to the biotech domain through the tasks that mention it', async () => {
      const r = await store().shortestPaths('institution:深圳大学', BIO);
      expect(r.paths.map((p) => p.nodes)).toEqual([
        ['institution:深圳大学', `task:${PLAN}#5.1`, BIO],
        ['institution:深圳大学', `task:${ST}#6.1`, BIO],
      ]);
      expect(r.paths[0]?.edges).toEqual([`MENTIONS:task:${PLAN}#5.1->institution:深圳大学`, `TARGETS:task:${PLAN}#5.1->${BIO}`]);
      const districts = await store().shortestPaths('agency:南山区政府', 'agency:龙岗区政府', { max: 10 });
      expect(districts.paths.map((p) => p.nodes[1])).toEqual([`task:${PLAN}#4.5.2`, `task:${PLAN}#4.5.3`, 'task:规划建设金融中心区和金融服务基地']);
    });

    it('neighbours: every returned edge joins two returned nodes', async () => {
      const g = await store().neighbors(NDRC, { depth: 2 });
      const ids = new Set(idsOf(g.nodes));
      expect(g.nodes[0]?.id).toBe(NDRC);
      expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
      const degree = await store().degree(NDRC);
      const one = await store().neighbors(NDRC, { edgeTypes: ['LEADS'] });
      expect(one.nodes.length - 1).toBe(degree.LEADS?.out);
    });

    it('trace: the agencies behind 生命科学与生物技术', async () => {
      const t = await store().trace('生命科学与生物技术');
      expect(t.technology.id).toBe(BIO);
      expect(t.technologies).toHaveLength(7);
      expect(t.agencies.map((a) => [a.agency.name, a.led, a.cooperated])).toEqual([
        ['发展改革局', 8, 2],
        ['规划局', 0, 8],
        ['国土房产局', 0, 7],
        ['贸工局', 0, 6],
        ['建设局', 0, 5],
        ['科技信息局', 3, 2],
        ['大工业区管委会', 0, 4],
        ['光明新区管委会', 1, 2],
        ['食品药品监督局', 0, 3],
        ['财政局', 0, 2],
        ['高新办', 1, 1],
        ['龙岗区政府', 2, 0],
        ['南山区政府', 0, 1],
        ['国资委', 0, 1],
        ['大学城管委会', 0, 1],
        ['编办', 0, 1],
      ]);
      expect(t.agencies[0]?.path).toEqual([NDRC, `task:${PLAN}#3.4`, BIO]);
    });
  });
}
