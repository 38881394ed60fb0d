import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeighborsResponseSchema } from '../../graph/api/index.ts';
import { GraphJsonSchema } from '../../graph/model/index.ts';
import { createApp } from '../../server/app.ts';
import { getJson, listen, postJson, seedStore, type Running } from './helpers.ts';

const DRC = 'agency:发展改革局';
const query = { neighborsOf: DRC, depth: 1, edgeTypes: ['LEADS'] };

describe('POST /api/export round-trips over HTTP', () => {
  let srv: Running;
  let expected: { nodes: Set<string>; edges: number };
  beforeAll(async () => {
    srv = await listen(createApp({ store: await seedStore(), options: { staticDir: null } }));
    const sub = await getJson(srv.base, `/api/nodes/${encodeURIComponent(DRC)}/neighbors?edgeTypes=LEADS`, NeighborsResponseSchema);
    expected = { nodes: new Set(sub.nodes.map((n) => n.id)), edges: sub.edges.length };
  });
  afterAll(() => srv.close());

  async function download(format: string, body: object = { query }) {
    const res = await postJson(srv.base, '/api/export', { format, ...body });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-truncated')).toBe('false');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="policy-graph/);
    return res;
  }

  it('json: sorted Graph JSON of the neighbourhood', async () => {
    const g = GraphJsonSchema.parse(await (await download('json')).json());
    expect(new Set(g.nodes.map((n) => n.id))).toEqual(expected.nodes);
    expect(g.edges).toHaveLength(expected.edges);
    expect(g.nodes.map((n) => n.id)).toEqual([...g.nodes.map((n) => n.id)].sort());
  });

  it('json by ids: the subgraph among exactly those nodes, unknown ids counted', async () => {
    const ids = [...expected.nodes].slice(0, 5);
    const res = await download('json', { ids: [...ids, 'agency:不存在'] });
    expect(res.headers.get('x-missing-count')).toBe('1');
    const g = GraphJsonSchema.parse(await res.json());
    expect(g.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(g.edges.every((e) => ids.includes(e.source) && ids.includes(e.target))).toBe(true);
  });

  it('graphml: parses back with graphology-graphml', async () => {
    const res = await download('graphml');
    expect(res.headers.get('content-type')).toMatch(/graphml/);
    const g = parseGraphml(Graph, await res.text());
    expect(g.order).toBe(expected.nodes.size);
    expect(g.size).toBe(expected.edges);
    expect(g.getNodeAttribute(DRC, 'name')).toBe('发展改革局');
  });

  it('gexf: parses back with graphology-gexf', async () => {
    const g = parseGexf(Graph, await (await download('gexf')).text());
    expect(g.order).toBe(expected.nodes.size);
    expect(g.size).toBe(expected.edges);
    expect(g.getNodeAttribute(DRC, 'label')).toBe('发展改革局');
    expect(g.getNodeAttribute(DRC, 'type')).toBe('Agency');
  });

  it('csv: a zip of nodes.csv and edges.csv with a BOM', async () => {
    const res = await download('csv');
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const nodesBytes = files['nodes.csv'] ?? new Uint8Array();
    expect([...nodesBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const nodes = strFromU8(nodesBytes.slice(3));
    const edges = strFromU8((files['edges.csv'] ?? new Uint8Array()).slice(3));
    expect(nodes.startsWith('id,type,name')).toBe(true);
    expect(nodes.trimEnd().split('\r\n')).toHaveLength(expected.nodes.size + 1);
    expect(edges.trimEnd().split('\r\n')).toHaveLength(expected.edges + 1);
    expect(nodes).toContain('agency:发展改革局,Agency,发展改革局');
  });

  it('cypher: constraints then one MERGE per element', async () => {
    const text = await (await download('cypher')).text();
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('MERGE ('))).toHaveLength(expected.nodes.size);
    expect(lines.filter((l) => l.startsWith('MATCH ('))).toHaveLength(expected.edges);
    expect(text).toContain("MERGE (n:Agency {id: 'agency:发展改革局'})");
  });

  it('cytoscape: elements with data', async () => {
    const cy = (await (await download('cytoscape')).json()) as { elements: { nodes: { data: { id: string } }[]; edges: unknown[] } };
    expect(new Set(cy.elements.nodes.map((n) => n.data.id))).toEqual(expected.nodes);
    expect(cy.elements.edges).toHaveLength(expected.edges);
  });
});
