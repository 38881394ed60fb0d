import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentLinesResponseSchema,
  DocumentsResponseSchema,
  HealthResponseSchema,
  NeighborsResponseSchema,
  NodeResponseSchema,
  PathsResponseSchema,
  SearchResponseSchema,
} from '../../graph/api/index.ts';
import { createApp } from '../../server/app.ts';
import { createFolderSources } from '../../server/sources.ts';
import { getJson, listen, seedGraph, seedStore, type Running } from './helpers.ts';

const DRC = 'agency:发展改革局';
const BIOTECH = 'technology:生命科学与生物技术';
const DOC0 = '000_2ebb2acb91732bad.txt';
const enc = encodeURIComponent;

describe('read endpoints over HTTP on the seed graph', () => {
  let srv: Running;
  beforeAll(async () => {
    srv = await listen(createApp({ store: await seedStore(), sources: createFolderSources(['seeds']), options: { staticDir: null } }));
  });
  afterAll(() => srv.close());

  it('GET /api/health reports the store kind, version and the seed counts', async () => {
    const h = await getJson(srv.base, '/api/health', HealthResponseSchema);
    const { graph } = await seedGraph();
    expect(h).toMatchObject({ ok: true, store: 'memory', version: '0.1.0' });
    expect(h.counts.totalNodes).toBe(graph.nodes.length);
    expect(h.counts.totalEdges).toBe(graph.edges.length);
    expect(h.counts.nodes['Document']).toBe(2);
  });

  it('GET /api/search finds a Chinese substring, exact matches first, filtered by type', async () => {
    const r = await getJson(srv.base, `/api/search?q=${enc('发展改革局')}&limit=5`, SearchResponseSchema);
    expect(r.hits[0]).toMatchObject({ rank: 'exact', node: { id: DRC } });
    const bio = await getJson(srv.base, `/api/search?q=${enc('生物')}&types=Technology&limit=100`, SearchResponseSchema);
    expect(bio.hits.length).toBeGreaterThan(3);
    expect(bio.hits.every((h) => h.node.type === 'Technology' && h.matched.includes('生物'))).toBe(true);
    expect(bio.hits.map((h) => h.node.id)).toContain(BIOTECH);
  });

  it('GET /api/search caps at the requested limit and says so', async () => {
    const r = await getJson(srv.base, `/api/search?q=${enc('局')}&limit=2`, SearchResponseSchema);
    expect(r.hits).toHaveLength(2);
    expect(r).toMatchObject({ truncated: true, limit: 2 });
  });

  it('GET /api/nodes/:id returns the node with evidence and degree by edge type', async () => {
    const r = await getJson(srv.base, `/api/nodes/${enc(DRC)}`, NodeResponseSchema);
    expect(r.node.name).toBe('发展改革局');
    expect(r.node.aliases).toContain('市发展改革局');
    expect(r.node.evidence.some((e) => e.doc === DOC0 && e.quote.includes('发展改革局'))).toBe(true);
    const { graph } = await seedGraph();
    const leads = graph.edges.filter((e) => e.type === 'LEADS' && e.source === DRC).length;
    expect(r.degree.LEADS).toEqual({ in: 0, out: leads });
    expect(leads).toBeGreaterThan(20);
  });

  it('GET /api/nodes/:id/neighbors returns Graph JSON filtered by edge and node type', async () => {
    const r = await getJson(srv.base, `/api/nodes/${enc(DRC)}/neighbors?edgeTypes=LEADS&nodeTypes=Task`, NeighborsResponseSchema);
    expect(r.truncated).toBe(false);
    expect(r.edges.length).toBeGreaterThan(20);
    expect(r.edges.every((e) => e.type === 'LEADS' && e.source === DRC)).toBe(true);
    expect(r.nodes.filter((n) => n.id !== DRC).every((n) => n.type === 'Task')).toBe(true);
    const deeper = await getJson(srv.base, `/api/nodes/${enc(DRC)}/neighbors?depth=2`, NeighborsResponseSchema);
    expect(deeper.nodes.length).toBeGreaterThan(r.nodes.length);
  });

  it('GET /api/paths finds agency → task → technology for the biotech domain', async () => {
    const r = await getJson(srv.base, `/api/paths?from=${enc(DRC)}&to=${enc(BIOTECH)}&max=3`, PathsResponseSchema);
    // 发展改革局 leads section 三.(四) 组建深圳国家高技术产业创新中心, which targets the biotech domain.
    expect(r.paths[0]).toEqual({
      nodes: [DRC, 'task:000_2ebb2acb91732bad#3.4', BIOTECH],
      edges: [`LEADS:${DRC}->task:000_2ebb2acb91732bad#3.4`, `TARGETS:task:000_2ebb2acb91732bad#3.4->${BIOTECH}`],
    });
    // More than three shortest paths exist: the cap at max=3 is reported.
    expect(r.paths).toHaveLength(3);
    expect(r.truncated).toBe(true);
    for (const p of r.paths) {
      expect(p.nodes).toHaveLength(3);
      expect(p.nodes[0]).toBe(DRC);
      expect(p.nodes[2]).toBe(BIOTECH);
      expect(p.nodes[1]).toMatch(/^task:/);
    }
    const ids = new Set(r.subgraph.nodes.map((n) => n.id));
    expect(r.paths.flatMap((p) => p.nodes).every((id) => ids.has(id))).toBe(true);
  });

  it('GET /api/documents lists both seed documents with their headers', async () => {
    const r = await getJson(srv.base, '/api/documents', DocumentsResponseSchema);
    expect(r.documents.map((d) => d.file)).toEqual([DOC0, '004_6d8794a7fddf0732.txt']);
    expect(r.documents[0]).toMatchObject({ number: '深府〔2009〕9号', date: '2009-02-19', publisher: '深圳市人民政府' });
    expect(r.truncated).toBe(false);
  });

  it('GET /api/documents/:doc/lines returns the source text so evidence quotes can be shown in context', async () => {
    const node = await getJson(srv.base, `/api/nodes/${enc(DRC)}`, NodeResponseSchema);
    const ev = node.node.evidence[0];
    if (!ev) throw new Error('node without evidence');
    const r = await getJson(srv.base, `/api/documents/${enc(ev.doc)}/lines?from=${ev.line - 1}&to=${ev.line + 1}`, DocumentLinesResponseSchema);
    expect(r.lines.map((l) => l.no)).toEqual([ev.line - 1, ev.line, ev.line + 1]);
    expect(r.lines[1]?.text).toContain(ev.quote);
    const head = await getJson(srv.base, `/api/documents/${DOC0}/lines`, DocumentLinesResponseSchema);
    expect(head.lines[0]?.text).toBe('http://www.sz.gov.cn/zfgb/2009/gb638/200902/t20090219_818790.htm');
    expect(head.lines).toHaveLength(100);
    expect(head.total).toBeGreaterThan(600);
  });
});
