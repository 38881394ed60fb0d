import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '../../graph/api/index.ts';
import { createApp } from '../../server/app.ts';
import { ENDPOINTS } from '../../server/endpoint-list.ts';
import { getJson, listen, seedStore, type Running } from './helpers.ts';

describe('OpenAPI, docs page, static UI and headers', () => {
  let srv: Running;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pg-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>policy-graph UI</title>');
    await writeFile(join(dir, 'app.js'), 'console.log(1)');
    srv = await listen(createApp({ store: await seedStore(), options: { staticDir: dir } }));
  });
  afterAll(async () => {
    await srv.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('GET /api/openapi.json documents every endpoint with parameters from the zod schemas', async () => {
    const res = await fetch(`${srv.base}/api/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string; schema: { maximum?: number } }[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toHaveLength(new Set(ENDPOINTS.map((e) => e.path)).size);
    const neighbors = doc.paths['/api/nodes/{id}/neighbors']?.['get'];
    expect(neighbors?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:depth', 'query:nodeTypes', 'query:edgeTypes', 'query:limit']);
    expect(neighbors?.parameters.find((p) => p.name === 'depth')?.schema.maximum).toBe(3);
    expect(doc.paths['/api/export']?.['post']).toHaveProperty('requestBody');
  });

  it('GET /api/docs is a self-contained HTML page listing the endpoints', async () => {
    const res = await fetch(`${srv.base}/api/docs`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('GET /api/analysis/trace');
    expect(html).toContain('<code>depth</code>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.)/);
  });

  it('serves the built UI, with SPA fallback for non-API paths', async () => {
    expect(await (await fetch(`${srv.base}/app.js`)).text()).toBe('console.log(1)');
    for (const path of ['/', '/node/agency:x', '/trace?technology=y']) {
      const res = await fetch(srv.base + path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('policy-graph UI');
    }
    expect((await fetch(`${srv.base}/assets/missing-1234.js`)).status).toBe(404);
    const api = await fetch(`${srv.base}/api/unknown`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('explains how to build the UI when dist/web is missing', async () => {
    const other = await listen(createApp({ store: await seedStore(), options: { staticDir: join(dir, 'nope') } }));
    try {
      const res = await fetch(`${other.base}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await other.close();
    }
  });

  it('sends security headers and no CORS header unless configured', async () => {
    const res = await fetch(`${srv.base}/api/health`, { headers: { origin: 'http://evil.example' } });
    HealthResponseSchema.parse(await res.json());
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured CORS origin', async () => {
    const other = await listen(createApp({ store: await seedStore(), options: { staticDir: null, corsOrigin: 'http://localhost:5173' } }));
    try {
      await getJson(other.base, '/api/health', HealthResponseSchema);
      const res = await fetch(`${other.base}/api/health`);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    } finally {
      await other.close();
    }
  });

  it('is read-only: no route writes to the store', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${srv.base}/api/nodes/${encodeURIComponent('agency:发展改革局')}`, { method });
      expect(res.status).toBe(404);
    }
    const h = await getJson(srv.base, '/api/health', HealthResponseSchema);
    expect(h.counts.totalNodes).toBeGreaterThan(0);
  });
});
