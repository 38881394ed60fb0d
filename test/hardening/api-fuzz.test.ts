import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../graph/api/index.ts';
import { exportText, seedGraph, useSeededApp } from './support.ts';

// Thousands of generated malformed requests against the real app: the only acceptable
// answers are 2xx for what happens to be valid and 4xx with a clear JSON error otherwise.
// Never a 5xx, never a stack trace, never a file from outside the sources, and the graph
// must be byte-identical afterwards.

const EVIL = [
  "'}) DETACH DELETE n //", 'MATCH (n) DETACH DELETE n', '"; DROP TABLE nodes; --', '${7*7}', '{{7*7}}', '<script>alert(1)</script>',
  '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '....//....//etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '%00', '\u0000', 'a\u0000b',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', ',', ',,,', '*', '%', '%%', '%E0%A4%A', '\uD800', '𠮷',
  '-1', '0', '1e309', '9'.repeat(40), 'NaN', 'Infinity', '-Infinity', '1.5', '0x10', 'true', 'null', '[]', '{}', 'a'.repeat(400), '发'.repeat(120),
  'agency:', 'task:', ':', 'agency:发展改革局', 'technology:集成电路', 'Agency,Task', 'LEADS,NOPE', 'municipal', 'json', 'graphml',
];
const evil = fc.oneof(fc.constantFrom(...EVIL), fc.string({ unit: 'binary', maxLength: 30 }), fc.integer().map(String), fc.double().map(String));
const realIds = () => fc.constantFrom(...seedGraph().nodes.slice(0, 200).map((n) => n.id));
const value = () => fc.oneof(evil, evil, realIds());
/** encodeURIComponent throws on lone surrogates; a URL cannot carry them anyway. */
const enc = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** `k=v` pairs, sometimes repeated keys (arrays), sometimes raw (unencoded) text. */
function query(keys: readonly string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(fc.constantFrom(...keys, 'junk', '__proto__'), value(), fc.boolean()).map(([k, v, raw]) => `${k}=${raw ? v.replace(/[#?&\s]/g, '') : enc(v)}`);
  return fc.array(pair, { maxLength: 5 }).map((ps) => (ps.length ? `?${ps.join('&')}` : ''));
}
const seg = () => fc.oneof(value().map(enc), evil.map((v) => v.replace(/[#?\s]/g, '')));

interface Req {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const requests: fc.Arbitrary<Req> = fc.oneof(
  query(['q', 'types', 'limit']).map((q) => ({ method: 'GET' as const, path: `/api/search${q}` })),
  seg().map((id) => ({ method: 'GET' as const, path: `/api/nodes/${id}` })),
  fc.tuple(seg(), query(['depth', 'nodeTypes', 'edgeTypes', 'limit'])).map(([id, q]) => ({ method: 'GET' as const, path: `/api/nodes/${id}/neighbors${q}` })),
  query(['from', 'to', 'max']).map((q) => ({ method: 'GET' as const, path: `/api/paths${q}` })),
  query(['level', 'doc']).map((q) => ({ method: 'GET' as const, path: `/api/analysis/workload${q}` })),
  query(['technology']).map((q) => ({ method: 'GET' as const, path: `/api/analysis/trace${q}` })),
  query(['agencies', 'tasks']).map((q) => ({ method: 'GET' as const, path: `/api/analysis/matrix${q}` })),
  fc.tuple(seg(), query(['from', 'to'])).map(([doc, q]) => ({ method: 'GET' as const, path: `/api/documents/${doc}/lines${q}` })),
  fc.oneof(
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.record({ format: value(), ids: fc.option(fc.array(value(), { maxLength: 5 })), query: fc.option(fc.record({ neighborsOf: value(), depth: fc.oneof(fc.integer(), value()) })) }).map((b) => JSON.stringify(b)),
  ).map((body) => ({ method: 'POST' as const, path: '/api/export', body })),
);

async function send(base: string, r: Req): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(base + r.path, r.method === 'POST' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: r.body ?? '' } : undefined);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('API fuzzing', () => {
  const seeded = useSeededApp();

  it('answers 5,000 malformed requests with 2xx or a clear 4xx, never 5xx, and leaves the graph unchanged', async () => {
    const before = await exportText(seeded.store);
    const reqs = fc.sample(requests, { numRuns: 5_000, seed: 20261121 });
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    const check = async (r: Req) => {
      let res;
      try {
        res = await send(seeded.app.base, r);
      } catch (err) {
        // fetch refuses some URLs itself (invalid characters); that request never reached the server.
        if (err instanceof TypeError && /Invalid URL|Failed to parse URL/i.test(String(err.cause ?? err.message))) return;
        throw err;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const where = `${r.method} ${r.path} ${r.body?.slice(0, 80) ?? ''} → ${res.status} ${res.text.slice(0, 160)}`;
      if (res.status >= 500) problems.push(`5xx: ${where}`);
      if (/\bat .+\.(ts|js):\d+|root:x:0:0|"devDependencies"/.test(res.text)) problems.push(`leak: ${where}`);
      if (res.status >= 400) {
        const parsed = res.type?.startsWith('application/json') ? ErrorBodySchema.safeParse(JSON.parse(res.text)) : null;
        if (!parsed?.success || parsed.data.error.message.trim() === '') problems.push(`unclear error: ${where}`);
      }
    };
    for (let i = 0; i < reqs.length; i += 16) await Promise.all(reqs.slice(i, i + 16).map(check));
    expect(problems.slice(0, 10)).toEqual([]);
    // The fuzz must have exercised rejections, not just happy paths.
    const rejected = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    expect(rejected).toBeGreaterThan(2_000);
    expect(await exportText(seeded.store)).toBe(before);
  });

  it('never serves a file outside the sources through document names', async () => {
    for (const doc of ['..%2F..%2Fetc%2Fpasswd', '..%2Fpackage.json', '%2Fetc%2Fpasswd', '..', '.', '..%5C..%5Cpackage.json', 'seeds%2F000_2ebb2acb91732bad.txt', '000_2ebb2acb91732bad.txt%00.png']) {
      const res = await send(seeded.app.base, { method: 'GET', path: `/api/documents/${doc}/lines` });
      expect([400, 404], doc).toContain(res.status);
      expect(res.text).not.toMatch(/root:x:0|"devDependencies"/);
    }
  });
});
