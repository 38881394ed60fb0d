import autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { rssMb, seedGraph, spawnTs, waitForOutput } from './support.ts';

// 60 s at a sustained 200 requests/s of valid reads against the real server (its own process)
// over the seed graph: no errors, no non-2xx, and memory that levels off instead of growing.

const SECONDS = 60;
const RATE = 200;

function validPaths(): string[] {
  const g = seedGraph();
  const pick = (type: string, n: number) => g.nodes.filter((x) => x.type === type).slice(0, n);
  const enc = encodeURIComponent;
  return [
    '/api/health',
    '/api/analysis/workload',
    ...pick('Agency', 10).map((n) => `/api/search?q=${enc(n.name)}`),
    ...pick('Agency', 10).map((n) => `/api/nodes/${enc(n.id)}/neighbors`),
    ...pick('Task', 10).map((n) => `/api/nodes/${enc(n.id)}`),
    ...pick('Task', 5).map((n) => `/api/nodes/${enc(n.id)}/neighbors?depth=2`),
    ...pick('Technology', 5).map((n) => `/api/analysis/trace?technology=${enc(n.id)}`),
  ];
}

describe('sustained load', () => {
  it(`serves ${RATE} req/s for ${SECONDS} s with 0 errors and stable memory`, { timeout: (SECONDS + 60) * 1000 }, async () => {
    const server = spawnTs('bench/sections/http-server-child.ts', []);
    try {
      const [, port] = await waitForOutput(server, /PORT (\d+)/);
      const pid = server.child.pid ?? 0;
      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(rssMb(pid)), 5_000);
      let non2xx = 0;
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const opts = { url: `http://127.0.0.1:${port}`, connections: 10, overallRate: RATE, duration: SECONDS, requests: validPaths().map((path) => ({ method: 'GET' as const, path })) };
        const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
        instance.on('response', (_c, status) => {
          if (status < 200 || status >= 300) non2xx++;
        });
      });
      clearInterval(sampler);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(non2xx).toBe(0);
      // Sanity: the load actually ran (loose, so a busy machine does not fail it).
      expect(result.requests.total).toBeGreaterThan(RATE * SECONDS * 0.5);
      // After warm-up (first 10 s) the server's RSS may wobble with GC but not climb.
      const warm = rss[1] ?? Number.NaN;
      const peakAfter = Math.max(...rss.slice(2));
      expect(peakAfter - warm, `RSS samples (MB): ${rss.map((r) => r.toFixed(0)).join(' ')}`).toBeLessThan(80);
    } finally {
      server.child.kill('SIGTERM');
      await server.done;
    }
  });
});
