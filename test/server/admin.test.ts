import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminReloadResponseSchema } from '../../graph/api/admin.ts';
import { DocumentsResponseSchema, HealthResponseSchema } from '../../graph/api/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { getError, getJson, listen, seedGraph, type Running } from './helpers.ts';

const TOKEN = 'test-admin-token-0123456789';

describe('admin reload (off by default)', () => {
  let dir: string;
  let srv: Running;
  let served: MemoryGraphStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pg-admin-'));
    // The server's store and a second one standing in for the CLI, sharing one snapshot.
    served = await MemoryGraphStore.open(dir);
    srv = await listen(createApp({ store: served, reload: () => served.reloadSnapshot(), options: { staticDir: null, adminToken: TOKEN } }));
  });
  afterAll(async () => {
    await srv.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('does not exist without a token configured', async () => {
    const other = await listen(createApp({ store: served, options: { staticDir: null } }));
    try {
      await getError(other.base, '/api/admin/reload', 404, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    } finally {
      await other.close();
    }
  });

  it('answers a wrong or missing token like an unknown route', async () => {
    await getError(srv.base, '/api/admin/reload', 404, { method: 'POST' });
    await getError(srv.base, '/api/admin/reload', 404, { method: 'POST', headers: { authorization: 'Bearer nope' } });
  });

  it('re-reads what the CLI wrote and refreshes derived lists', async () => {
    expect((await getJson(srv.base, '/api/documents', DocumentsResponseSchema)).documents).toEqual([]);
    const cli = await MemoryGraphStore.open(dir);
    await cli.loadGraph((await seedGraph()).graph);
    const res = await fetch(`${srv.base}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const body = AdminReloadResponseSchema.parse(await res.json());
    expect(body.reloaded).toBe(true);
    expect(body.totalNodes).toBe((await seedGraph()).graph.nodes.length);
    expect((await getJson(srv.base, '/api/health', HealthResponseSchema)).counts.totalNodes).toBe(body.totalNodes);
    expect((await getJson(srv.base, '/api/documents', DocumentsResponseSchema)).documents).toHaveLength(2);
  });
});
