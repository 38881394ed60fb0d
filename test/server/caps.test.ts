import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatrixResponseSchema, NeighborsResponseSchema, SearchResponseSchema, TraceResponseSchema } from '../../graph/api/index.ts';
import { edgeId, type GraphJson } from '../../graph/model/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { getJson, listen, postJson, type Running } from './helpers.ts';

const N = 6000;
const HUB = 'agency:大局';
const TECH = 'technology:测试技术';

/** One agency leading 6,000 tasks that all target one technology: every list passes the 5,000 cap. */
function hubGraph(): GraphJson {
  const ev = [{ doc: 'big.txt', line: 1, quote: '大局' }];
  const g: GraphJson = {
    nodes: [
      { id: HUB, type: 'Agency', name: '大局', aliases: [], props: { level: 'municipal' }, evidence: ev },
      { id: TECH, type: 'Technology', name: '测试技术', aliases: [], props: { kind: 'domain' }, evidence: ev },
    ],
    edges: [],
  };
  for (let i = 0; i < N; i++) {
    const task = `task:big#${i}`;
    g.nodes.push({ id: task, type: 'Task', name: `任务${i}`, aliases: [], props: { doc: 'big.txt', kind: 'tableRow' }, evidence: ev });
    g.edges.push({ id: edgeId('LEADS', HUB, task), type: 'LEADS', source: HUB, target: task, props: {}, evidence: ev });
    g.edges.push({ id: edgeId('TARGETS', task, TECH), type: 'TARGETS', source: task, target: TECH, props: {}, evidence: ev });
  }
  return g;
}

describe('the 5,000-element cap is reported, never a silent cut', () => {
  let srv: Running;
  beforeAll(async () => {
    const store = new MemoryGraphStore(null);
    await store.loadGraph(hubGraph());
    srv = await listen(createApp({ store, options: { staticDir: null } }));
  });
  afterAll(() => srv.close());

  it('neighbors stop at 5,000 nodes with truncated: true', async () => {
    const r = await getJson(srv.base, `/api/nodes/${encodeURIComponent(HUB)}/neighbors`, NeighborsResponseSchema);
    expect(r).toMatchObject({ truncated: true, limit: 5000 });
    expect(r.nodes.length).toBeLessThanOrEqual(5000);
    expect(r.nodes.length).toBeGreaterThan(4000);
  });

  it('a smaller requested limit is honoured and reported', async () => {
    const r = await getJson(srv.base, `/api/nodes/${encodeURIComponent(HUB)}/neighbors?limit=10`, NeighborsResponseSchema);
    expect(r).toMatchObject({ truncated: true, limit: 10 });
    expect(r.nodes.length).toBeLessThanOrEqual(10);
  });

  it('search reports its own cap', async () => {
    const r = await getJson(srv.base, `/api/search?q=${encodeURIComponent('任务')}&limit=100`, SearchResponseSchema);
    expect(r.hits).toHaveLength(100);
    expect(r.truncated).toBe(true);
  });

  it('the matrix stops at 5,000 cells', async () => {
    const r = await getJson(srv.base, `/api/analysis/matrix?agencies=${encodeURIComponent(HUB)}`, MatrixResponseSchema);
    expect(r).toMatchObject({ truncated: true, limit: 5000 });
    expect(r.cells.length).toBeLessThanOrEqual(5000);
    expect(r.tasks.length).toBeLessThanOrEqual(5000);
  });

  it('the trace reports truncation', async () => {
    const r = await getJson(srv.base, `/api/analysis/trace?technology=${encodeURIComponent(TECH)}`, TraceResponseSchema);
    expect(r.truncated).toBe(true);
    expect(r.subgraph.nodes.length).toBeLessThanOrEqual(5000);
  });

  it('an export that hit the cap says so in its headers', async () => {
    const res = await postJson(srv.base, '/api/export', { format: 'json', query: { neighborsOf: HUB } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-truncated')).toBe('true');
    expect(res.headers.get('x-limit')).toBe('5000');
    const body = (await res.json()) as GraphJson;
    expect(body.nodes.length).toBe(Number(res.headers.get('x-node-count')));
    expect(body.nodes.length).toBeLessThanOrEqual(5000);
  });
});
