import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { exportText, ROOT, seedGraph } from './support.ts';

// The routes that write (document upload and removal, merge review, admin reload) exist only
// when the operator turns them on. With the library wired in but uploads off — what
// server/main.ts does by default — every one of them is absent and the graph is untouched.

const WRITES: [string, string][] = [
  ['POST', '/api/admin/documents'],
  ['DELETE', '/api/admin/documents/000_2ebb2acb91732bad.txt'],
  ['POST', '/api/merges/confirm'],
  ['POST', '/api/merges/reject'],
  ['POST', '/api/admin/reload'],
];

async function serve(enabled: boolean, dataDir: string, store: MemoryGraphStore) {
  const library = await SourceLibrary.open(dataDir, join(ROOT, 'seeds'));
  const app = createApp({ store, uploads: { library, enabled }, options: { staticDir: null, log: () => undefined } });
  const server = await new Promise<import('node:http').Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

async function statusOf(base: string, method: string, path: string): Promise<number> {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: '{"doc":"000_2ebb2acb91732bad.txt","ids":["x"]}' });
  await res.arrayBuffer();
  return res.status;
}

describe('write routes', () => {
  let dataDir: string;
  let store: MemoryGraphStore;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hardening-writes-'));
    store = new MemoryGraphStore(null);
    await store.loadGraph(seedGraph());
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are absent unless uploads are enabled, and the graph stays unchanged', async () => {
    const before = await exportText(store);
    const app = await serve(false, dataDir, store);
    try {
      for (const [method, path] of WRITES) expect([404, 405], `${method} ${path}`).toContain(await statusOf(app.base, method, path));
      expect(await (await fetch(`${app.base}/api/uploads`)).json()).toMatchObject({ enabled: false });
    } finally {
      await app.close();
    }
    expect(await exportText(store)).toBe(before);
  });

  it('exist once enabled (the control for the test above)', async () => {
    const app = await serve(true, dataDir, store);
    try {
      expect(await statusOf(app.base, 'POST', '/api/admin/documents')).not.toBe(404);
      expect(await statusOf(app.base, 'POST', '/api/merges/confirm')).not.toBe(404);
    } finally {
      await app.close();
    }
  });
});
