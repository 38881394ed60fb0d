import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsistencyResponseSchema, MatrixResponseSchema, TraceResponseSchema, WorkloadResponseSchema } from '../../graph/api/index.ts';
import { createApp } from '../../server/app.ts';
import { createFolderSources } from '../../server/sources.ts';
import { getJson, listen, seedGraph, seedStore, type Running } from './helpers.ts';

const DRC = 'agency:发展改革局';
const BIOTECH = 'technology:生命科学与生物技术';
const enc = encodeURIComponent;

describe('analysis endpoints over HTTP on the seed graph', () => {
  let srv: Running;
  beforeAll(async () => {
    const store = await seedStore();
    // The seeds only (data/ may hold someone's ingests), with the default ETL consistency check.
    srv = await listen(createApp({ store, sources: createFolderSources(['seeds']), options: { staticDir: null } }));
  });
  afterAll(() => srv.close());

  it('GET /api/analysis/workload puts 发展改革局 first (28 rows led, 39 cooperated), sorted by load', async () => {
    const r = await getJson(srv.base, '/api/analysis/workload', WorkloadResponseSchema);
    expect(r.truncated).toBe(false);
    expect(r.agencies.slice(0, 3).map((a) => [a.agency.id, a.rows.led, a.rows.cooperated])).toEqual([
      [DRC, 28, 39],
      ['agency:科技信息局', 24, 20],
      ['agency:贸工局', 13, 33],
    ]);
    const top = r.agencies[0];
    const byYear = Object.values(top?.byYear ?? {}).reduce((n, c) => n + c.led + c.cooperated, 0);
    expect(byYear).toBeGreaterThan(0);
    expect(Object.keys(top?.byYear ?? {})).toContain('2010');
  });

  it('GET /api/analysis/workload filters by level', async () => {
    const r = await getJson(srv.base, '/api/analysis/workload?level=district', WorkloadResponseSchema);
    expect(r.agencies.length).toBeGreaterThan(0);
    expect(r.agencies.every((a) => a.agency.level === 'district')).toBe(true);
  });

  it('GET /api/analysis/trace for 生命科学与生物技术 names the agencies on its tasks and subfields', async () => {
    const r = await getJson(srv.base, `/api/analysis/trace?technology=${enc('生命科学与生物技术')}`, TraceResponseSchema);
    expect(r.technology.id).toBe(BIOTECH);
    expect(r.technologies).toContain('technology:新药创制');
    expect(r.truncated).toBe(false);
    const ids = r.agencies.map((a) => a.agency.id);
    expect(ids[0]).toBe(DRC);
    expect(ids).toEqual(expect.arrayContaining(['agency:科技信息局', 'agency:规划局', 'agency:食品药品监督局', 'agency:龙岗区政府', 'agency:光明新区管委会']));
    const drc = r.agencies[0];
    expect(drc).toMatchObject({ led: 8, cooperated: 2 });
    // Each path starts at the agency and ends at the traced technology, through one of its tasks.
    for (const a of r.agencies) {
      expect(a.path[0]).toBe(a.agency.id);
      expect(a.path.at(-1)).toBe(BIOTECH);
      expect(a.tasks.map((t) => t.id)).toContain(a.path[1]);
    }
    // Every task found targets the traced technology or one of its subfields.
    const traced = new Set(r.technologies);
    expect(r.agencies.flatMap((a) => a.tasks).every((t) => traced.has(t.technology))).toBe(true);
    const inSub = new Set(r.subgraph.nodes.map((n) => n.id));
    expect(ids.every((id) => inSub.has(id))).toBe(true);
  });

  it('GET /api/analysis/trace accepts the technology id too', async () => {
    const r = await getJson(srv.base, `/api/analysis/trace?technology=${enc(BIOTECH)}`, TraceResponseSchema);
    expect(r.technology.name).toBe('生命科学与生物技术');
  });

  it('GET /api/analysis/matrix with only an agency lists its tasks with the role it plays', async () => {
    const r = await getJson(srv.base, `/api/analysis/matrix?agencies=${enc(DRC)}`, MatrixResponseSchema);
    const { graph } = await seedGraph();
    const led = graph.edges.filter((e) => e.type === 'LEADS' && e.source === DRC).map((e) => e.target);
    expect(r.agencies).toEqual([{ id: DRC, name: '发展改革局' }]);
    expect(r.cells.filter((c) => c.role === 'LEADS').map((c) => c.task).sort()).toEqual([...led].sort());
    expect(r.tasks.length).toBe(new Set(r.cells.map((c) => c.task)).size);
    expect(r.truncated).toBe(false);
  });

  it('GET /api/analysis/matrix with only a task lists its agencies', async () => {
    const { graph } = await seedGraph();
    const task = graph.edges.find((e) => e.type === 'LEADS' && e.source === DRC)?.target ?? '';
    const expected = graph.edges.filter((e) => (e.type === 'LEADS' || e.type === 'COOPERATES') && e.target === task);
    const r = await getJson(srv.base, `/api/analysis/matrix?tasks=${enc(task)}`, MatrixResponseSchema);
    expect(r.tasks.map((t) => t.id)).toEqual([task]);
    expect(r.cells).toHaveLength(expected.length);
    expect(r.cells).toContainEqual({ agency: DRC, task, role: 'LEADS' });
  });

  it('GET /api/analysis/matrix with agencies and tasks keeps only those cells', async () => {
    const { graph } = await seedGraph();
    const tasks = graph.edges.filter((e) => e.type === 'LEADS' && e.source === DRC).slice(0, 2).map((e) => e.target);
    const r = await getJson(srv.base, `/api/analysis/matrix?agencies=${enc(DRC)},${enc('agency:科技信息局')}&tasks=${tasks.map(enc).join(',')}`, MatrixResponseSchema);
    expect(r.agencies.map((a) => a.id)).toEqual([DRC, 'agency:科技信息局']);
    expect(r.tasks.map((t) => t.id)).toEqual(tasks);
    expect(r.cells.every((c) => tasks.includes(c.task))).toBe(true);
    expect(r.cells.filter((c) => c.agency === DRC)).toHaveLength(2);
  });

  it('GET /api/consistency returns the ETL text-vs-table findings', async () => {
    const r = await getJson(srv.base, '/api/consistency', ConsistencyResponseSchema);
    const etl = await seedGraph();
    expect(r.findings).toHaveLength(etl.findings.length);
    expect(r.rowDisagreements).toEqual([]); // no row is in both seeds
    expect(r.findings.length).toBeGreaterThan(10);
    const f = r.findings.find((x) => x.clause.line === 47);
    expect(f?.clause.quote).toContain('见附表18');
    expect(r.truncated).toBe(false);
  });
});
