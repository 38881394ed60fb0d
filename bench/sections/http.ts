import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchContext } from '../context.ts';
import { loadEtl, loadStore } from '../deps.ts';
import { sampleQueries } from '../query-sample.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { readSeeds } from '../seed-text.ts';
import { startServerChild } from '../server-child.ts';
import { median, quantile, sample } from '../stats.ts';
import type { GraphStore } from '../../graph/store/types.ts';

interface Endpoint {
  name: string;
  paths: string[];
  direct: (store: GraphStore, i: number) => Promise<unknown>;
}

const CONNECTIONS = 50;

/** autocannon against the running server; per-request latencies collected for exact p50/p95/p99. */
async function hammer(base: string, paths: string[], seconds: number, connections = CONNECTIONS) {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // As the explorer's browser asks: gzip accepted (the server keeps cached answers gzipped).
    const opts = { url: base, connections, duration: seconds, headers: { 'accept-encoding': 'gzip, deflate, br' }, requests: paths.map((path) => ({ method: 'GET' as const, path })) };
    const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  return { latencies, non2xx, errors: result.errors + result.timeouts, rps: result.requests.average };
}

export async function runHttp(ctx: BenchContext): Promise<Figure[]> {
  const [etl, storeMod] = [await loadEtl(), await loadStore()];
  if (!etl.ok) return [notMeasured('HTTP', etl.reason)];
  if (!storeMod.ok) return [notMeasured('HTTP', storeMod.reason)];
  let server;
  try {
    server = await startServerChild('bench/sections/http-server-child.ts');
  } catch (err) {
    return [notMeasured('HTTP', (err as Error).message)];
  }
  const out: Figure[] = [];
  try {
    const graph = etl.api.buildGraph(readSeeds().map((d) => etl.api.readSourceText(d.file, d.text))).graph;
    const q = sampleQueries(graph);
    // The same calls made directly on a store in this process: the floor the HTTP figure is compared with.
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-direct-'));
    const store = await storeMod.api.createStore(storeMod.api.storeConfigFromEnv(process.env, { kind: 'memory', dataDir }));
    await store.loadGraph(graph);
    const terms = q.terms.slice(0, 20);
    const ids = q.nodes.slice(0, 20);
    const techs = q.technologies.length > 0 ? q.technologies.slice(0, 10) : [];
    const enc = encodeURIComponent;
    const endpoints: Endpoint[] = [
      { name: 'search', paths: terms.map((t) => `/api/search?q=${enc(t)}`), direct: (s, i) => s.search(terms[i % terms.length] ?? '') },
      { name: 'neighbors', paths: ids.map((id) => `/api/nodes/${enc(id)}/neighbors`), direct: (s, i) => s.neighbors(ids[i % ids.length] ?? '') },
      { name: 'trace', paths: techs.map((t) => `/api/analysis/trace?technology=${enc(t)}`), direct: (s, i) => s.trace(techs[i % techs.length] ?? '') },
    ];
    const seconds = ctx.quick ? 2 : 6;
    for (const e of endpoints) {
      if (e.paths.length === 0) {
        out.push(notMeasured(`${e.name}`, 'the seed graph has no nodes of that kind'));
        continue;
      }
      const direct = await sample((i) => e.direct(store, i), 500, 2_000);
      const r = await hammer(server.base, e.paths, seconds);
      const p50 = median(r.latencies);
      const p95 = quantile(r.latencies, 0.95);
      out.push(figure(`${e.name}: requests/s (${CONNECTIONS} connections, ${seconds} s)`, r.rps, 'req/s'));
      out.push(figure(`${e.name}: p50`, p50, 'ms'));
      out.push(figure(`${e.name}: p95`, p95, 'ms', below(p95, 10, 'ms')));
      out.push(figure(`${e.name}: p99`, quantile(r.latencies, 0.99), 'ms'));
      out.push(figure(`${e.name}: errors + non-2xx`, r.errors + r.non2xx, '', { text: '= 0', ok: r.errors + r.non2xx === 0 }));
      out.push(figure(`${e.name}: direct store call median`, direct.median, 'ms'));
      out.push(figure(`${e.name}: HTTP p50 ÷ direct call`, p50 / Math.max(direct.median, 1e-3), '×'));
      // At 50 connections latency is mostly queueing; one connection shows the cost of a request itself.
      const single = await hammer(server.base, e.paths, ctx.quick ? 1 : 3, 1);
      const p50one = median(single.latencies);
      out.push(figure(`${e.name}: p50 at 1 connection`, p50one, 'ms'));
      out.push(figure(`${e.name}: p50 at 1 connection ÷ direct call`, p50one / Math.max(direct.median, 1e-3), '×'));
    }
    const rss = server.rssMb();
    if (rss !== null) ctx.rss.push({ label: 'HTTP server (seed graph) after the load runs', maxRssMb: rss, kind: 'current' });
    await store.close();
  } finally {
    await server.stop();
  }
  return out;
}
