import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SearchResponseSchema } from '../../graph/api/index.ts';
import type { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { getJson, listen, seedGraph, seedStore, type Running } from './helpers.ts';

const SEARCH = `/api/search?q=${encodeURIComponent('科信局')}`;

/** A raw GET (fetch would negotiate and decode gzip by itself). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('cached read responses', () => {
  let store: MemoryGraphStore;
  let srv: Running;
  beforeAll(async () => {
    store = await seedStore();
    srv = await listen(createApp({ store, options: { staticDir: null, log: () => {} } }));
  });
  afterAll(() => srv.close());

  it('answers a repeated question without asking the store again, byte for byte', async () => {
    const spy = vi.spyOn(store, 'search');
    const first = await fetch(srv.base + SEARCH).then((r) => r.text());
    const second = await fetch(srv.base + SEARCH).then((r) => r.text());
    expect(second).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(SearchResponseSchema.parse(JSON.parse(second)).hits[0]?.node.id).toBe('agency:科技信息局');
    spy.mockRestore();
  });

  it('replays the security headers of the first answer on a hit', async () => {
    const first = await fetch(srv.base + SEARCH);
    const hit = await fetch(srv.base + SEARCH);
    for (const h of ['x-content-type-options', 'content-security-policy', 'content-type', 'etag']) {
      expect(hit.headers.get(h), h).toBe(first.headers.get(h));
    }
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the same JSON gzipped to clients that accept it, plain to those that do not', async () => {
    const url = `${srv.base}/api/nodes/${encodeURIComponent('agency:发展改革局')}/neighbors?depth=1`;
    for (let round = 0; round < 2; round++) {
      // round 0 computes and files the answer, round 1 replays it
      const plain = await rawGet(url, {});
      const gz = await rawGet(url, { 'accept-encoding': 'gzip, deflate' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.length).toBeLessThan(plain.body.length / 3);
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      expect(JSON.parse(plain.body.toString()).nodes.length).toBeGreaterThan(50);
    }
  });

  it('revalidates with the ETag: 304 while the graph is unchanged', async () => {
    const res = await fetch(srv.base + SEARCH);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(srv.base + SEARCH, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('never serves an answer from before a load', async () => {
    const before = await getJson(srv.base, SEARCH, SearchResponseSchema);
    expect(before.hits.length).toBeGreaterThan(0);
    const { graph } = await seedGraph();
    await store.loadGraph({ nodes: graph.nodes.filter((n) => n.id !== 'agency:科技信息局'), edges: graph.edges.filter((e) => e.source !== 'agency:科技信息局' && e.target !== 'agency:科技信息局') });
    const after = await getJson(srv.base, SEARCH, SearchResponseSchema);
    expect(after.hits.map((h) => h.node.id)).not.toContain('agency:科技信息局');
    await store.loadGraph(graph);
    expect((await getJson(srv.base, SEARCH, SearchResponseSchema)).hits[0]?.node.id).toBe('agency:科技信息局');
  });

  it('does not keep errors', async () => {
    const spy = vi.spyOn(store, 'getNode');
    const path = `/api/nodes/${encodeURIComponent('agency:没有这个机构')}`;
    expect((await fetch(srv.base + path)).status).toBe(404);
    expect((await fetch(srv.base + path)).status).toBe(404);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
