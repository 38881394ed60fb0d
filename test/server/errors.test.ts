import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../graph/store/errors.ts';
import type { GraphStore } from '../../graph/store/types.ts';
import { createApp } from '../../server/app.ts';
import { getError, listen, postJson, seedStore, type Running } from './helpers.ts';

const enc = encodeURIComponent;
const DRC = enc('agency:发展改革局');

/** The real store with every call replaced: down, hanging, or failing unexpectedly. */
function broken(store: GraphStore, behave: () => Promise<never>): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' && prop !== 'close' ? () => behave() : value;
    },
  });
}

describe('errors over HTTP', () => {
  let srv: Running;
  beforeAll(async () => {
    srv = await listen(createApp({ store: await seedStore(), options: { staticDir: null, log: () => {} } }));
  });
  afterAll(() => srv.close());

  it.each([
    ['/api/search', 'q'],
    ['/api/search?q=x&limit=abc', 'limit'],
    ['/api/search?q=x&limit=101', 'limit'],
    ['/api/search?q=x&types=Agency,Bogus', 'types'],
    [`/api/nodes/${DRC}/neighbors?depth=4`, 'depth'],
    [`/api/nodes/${DRC}/neighbors?depth=0`, 'depth'],
    [`/api/nodes/${DRC}/neighbors?edgeTypes=KNOWS`, 'edgeTypes'],
    [`/api/nodes/${DRC}/neighbors?limit=5001`, 'limit'],
    [`/api/paths?from=${DRC}`, 'to'],
    [`/api/paths?from=${DRC}&to=${DRC}&max=11`, 'max'],
    ['/api/analysis/workload?level=galactic', 'level'],
    ['/api/analysis/trace', 'technology'],
    ['/api/analysis/matrix', 'agencies'],
    [`/api/analysis/matrix?tasks=${DRC}`, 'tasks'],
    ['/api/documents/..%2F..%2Fpackage.json/lines', 'doc'],
    ['/api/documents/%2Fetc%2Fpasswd/lines', 'doc'],
    ['/api/documents/000_2ebb2acb91732bad.txt/lines?from=0', 'from'],
    ['/api/documents/000_2ebb2acb91732bad.txt/lines?from=10&to=5', 'to'],
    ['/api/documents/000_2ebb2acb91732bad.txt/lines?from=1&to=502', 'to'],
    ['/api/documents/000_2ebb2acb91732bad.txt/lines?from=100000', 'from'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    const e = await getError(srv.base, path, 400);
    expect(e.code).toBe('bad_request');
    expect(e.field).toBe(field);
    expect(e.message.length).toBeGreaterThan(5);
  });

  it('lists every zod issue with its path', async () => {
    const e = await getError(srv.base, '/api/search?limit=0', 400);
    expect(e.issues?.map((i) => i.path).sort()).toEqual(['limit', 'q']);
  });

  it.each([
    ['/api/nodes/agency:不存在', /agency:不存在/],
    ['/api/nodes/agency:不存在/neighbors', /agency:不存在/],
    [`/api/paths?from=agency:不存在&to=${DRC}`, /不存在/],
    [`/api/analysis/trace?technology=${enc('量子引力')}`, /量子引力/],
    [`/api/analysis/matrix?agencies=${DRC},agency:不存在`, /agency:不存在/],
    ['/api/documents/999_missing.txt/lines', /999_missing\.txt/],
    ['/api/no-such-thing', /no such endpoint/],
  ])('GET %s → 404', async (path, message) => {
    const e = await getError(srv.base, path, 404);
    expect(e.code).toBe('not_found');
    expect(e.message).toMatch(message);
  });

  it('POST to a GET endpoint is a JSON 404, not an HTML page', async () => {
    const e = await getError(srv.base, '/api/search?q=x', 404, { method: 'POST' });
    expect(e.message).toContain('POST /api/search');
  });

  it.each([
    [{ format: 'pdf', ids: [DRC] }, 'format'],
    [{ format: 'json' }, 'ids'],
    [{ format: 'json', ids: ['agency:发展改革局'], query: { neighborsOf: 'agency:发展改革局' } }, 'ids'],
    [{ format: 'json', query: { neighborsOf: 'agency:发展改革局', depth: 4 } }, 'query.depth'],
  ])('POST /api/export %j → 400 naming %s', async (body, field) => {
    const res = await postJson(srv.base, '/api/export', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { field?: string } };
    expect(json.error.field).toBe(field);
  });

  it('POST /api/export with malformed JSON → 400 naming the body', async () => {
    const e = await getError(srv.base, '/api/export', 400, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":' });
    expect(e.field).toBe('body');
  });

  it('POST /api/export without a JSON content type → 400 saying what to send', async () => {
    const e = await getError(srv.base, '/api/export', 400, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'format=json' });
    expect(e).toMatchObject({ field: 'body', message: expect.stringContaining('application/json') });
  });

  it('POST /api/export over the body limit → 413', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `task:${'x'.repeat(40)}${i}`);
    const e = await getError(srv.base, '/api/export', 413, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'json', ids }) });
    expect(e.code).toBe('payload_too_large');
  });

  it('POST /api/export of ids none of which exist → 404', async () => {
    const res = await postJson(srv.base, '/api/export', { format: 'json', ids: ['agency:不存在'] });
    expect(res.status).toBe(404);
  });
});

describe('store failures over HTTP', () => {
  const cases: [string, (s: GraphStore) => GraphStore, number, string][] = [
    ['down', (s) => broken(s, () => Promise.reject(new StoreUnavailableError('Neo4j is not reachable', 'check NEO4J_URI'))), 10_000, 'unavailable'],
    ['hanging', (s) => broken(s, () => new Promise<never>(() => {})), 50, 'timeout'],
  ];
  it.each(cases)('a %s store answers 503 with a message on every endpoint', async (_name, wrap, timeoutMs, code) => {
    const srv = await listen(createApp({ store: wrap(await seedStore()), options: { staticDir: null, timeoutMs } }));
    try {
      for (const path of ['/api/health', '/api/search?q=局', `/api/nodes/${DRC}`, `/api/nodes/${DRC}/neighbors`, `/api/paths?from=${DRC}&to=${DRC}`, '/api/analysis/workload', '/api/analysis/trace?technology=x', `/api/analysis/matrix?agencies=${DRC}`, '/api/documents']) {
        const e = await getError(srv.base, path, 503);
        expect(e.code).toBe(code);
        expect(e.message).toMatch(code === 'timeout' ? /50 ms/ : /not reachable \(check NEO4J_URI\)/);
      }
      const res = await postJson(srv.base, '/api/export', { format: 'json', ids: ['agency:发展改革局'] });
      expect(res.status).toBe(503);
    } finally {
      await srv.close();
    }
  });

  it('an unexpected store bug is a bare 500 without a stack trace, and is logged', async () => {
    const logged: unknown[] = [];
    const store = broken(await seedStore(), () => Promise.reject(new Error('secret internals at /srv/x.ts:12')));
    const srv = await listen(createApp({ store, options: { staticDir: null, log: (_m, err) => logged.push(err) } }));
    try {
      const e = await getError(srv.base, '/api/health', 500);
      expect(e).toEqual({ code: 'internal', message: 'internal error' });
      expect(logged).toHaveLength(1);
    } finally {
      await srv.close();
    }
  });
});
