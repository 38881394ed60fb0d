import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import type { GraphStore } from '../../../graph/store/types.ts';
import { createApp } from '../../../server/app.ts';
import { listen, seedStore, type Running } from '../../server/helpers.ts';

// The response cache over a store whose revision is asynchronous, as on Neo4j (a counter read
// from the database): the seed graph in the embedded store, with its revision answered as a
// promise of a number that this test moves the way another app server's write would.

const SEARCH = `/api/search?q=${encodeURIComponent('科信局')}`;

describe('cached reads with an asynchronous store revision', () => {
  let store: MemoryGraphStore;
  let srv: Running;
  let rev: number | Error = 1;
  beforeAll(async () => {
    store = await seedStore();
    const asyncRevision: GraphStore = Object.assign(Object.create(store) as GraphStore, {
      revision: () => (rev instanceof Error ? Promise.reject(rev) : Promise.resolve(rev)),
    });
    srv = await listen(createApp({ store: asyncRevision, options: { staticDir: null, log: () => {} } }));
  });
  afterAll(() => srv.close());

  it("answers repeats from the cache, and asks the store again once another server's write moves the revision", async () => {
    const spy = vi.spyOn(store, 'search');
    const first = await fetch(srv.base + SEARCH).then((r) => r.text());
    expect(await fetch(srv.base + SEARCH).then((r) => r.text())).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    rev = 2;
    expect(await fetch(srv.base + SEARCH).then((r) => r.text())).toBe(first);
    expect(spy).toHaveBeenCalledTimes(2);
    await fetch(srv.base + SEARCH);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('a failing revision check serves the read uncached, and never an old answer', async () => {
    const spy = vi.spyOn(store, 'search');
    rev = new Error('Neo4j did not answer');
    for (let i = 0; i < 2; i++) expect((await fetch(srv.base + SEARCH)).status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(2);
    rev = 3;
    await fetch(srv.base + SEARCH);
    await fetch(srv.base + SEARCH);
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
  });

  it('the ETag carries the revision the answer was filed under', async () => {
    rev = 41;
    const res = await fetch(srv.base + SEARCH);
    expect(res.headers.get('etag')).toMatch(/^W\/"41[.-]/);
    const again = await fetch(srv.base + SEARCH, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });
});
