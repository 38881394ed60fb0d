import autocannon from 'autocannon';
import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { startServerChild } from '../server-child.ts';
import { quantile } from '../stats.ts';
import { BENCH_GRAPH, NEO4J_QUERIES, type Neo4jChildResult } from './neo4j-types.ts';

/** Targets on Neo4j (issue 14): each explorer query ≤ 20 ms median at 100k edges; repeated reads over HTTP p95 ≤ 10 ms at 50 connections. */
const QUERY_TARGET_MS = 20;
const HTTP_TARGET_MS = 10;
const CONNECTIONS = 50;

async function hammer(base: string, paths: string[], seconds: number) {
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const opts = { url: base, connections: CONNECTIONS, duration: seconds, headers: { 'accept-encoding': 'gzip' }, requests: paths.map((path) => ({ method: 'GET' as const, path })) };
    const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) bad++;
    });
  });
  return { latencies, bad: bad + result.errors + result.timeouts, rps: result.requests.average };
}

/** Explorer queries and repeated HTTP reads on Neo4j; only when NEO4J_URI names a server. */
export async function runNeo4j(ctx: BenchContext): Promise<Figure[]> {
  if (!process.env.NEO4J_URI?.trim()) return [notMeasured('Neo4j explorer queries and HTTP', 'NEO4J_URI is not set')];
  const res = await runChild<Neo4jChildResult>('bench/sections/neo4j-child.ts', ['--runs', ctx.quick ? '30' : '100'], 540_000);
  if (!res.ok || !res.value) return [notMeasured('Neo4j queries', res.error ?? 'no result')];
  const r = res.value;
  const label = `graph ${BENCH_GRAPH}, ${r.edges.toLocaleString('en-US')} edges`;
  const out: Figure[] = [figure(`${label}: load time`, r.loadMs, 'ms')];
  for (const name of NEO4J_QUERIES) {
    const s = r.queries[name];
    if ('error' in s) {
      out.push(notMeasured(`${name}`, s.error));
      continue;
    }
    out.push(figure(`${name} median`, s.median, 'ms', below(s.median, QUERY_TARGET_MS, 'ms')));
    out.push(figure(`${name} p95 (n=${s.n})`, s.p95, 'ms'));
  }
  let server;
  try {
    server = await startServerChild('bench/sections/neo4j-server-child.ts');
  } catch (err) {
    return [...out, notMeasured('Neo4j HTTP', (err as Error).message)];
  }
  try {
    const seconds = ctx.quick ? 2 : 6;
    await hammer(server.base, r.paths, 1); // fills the response cache for the current revision
    const h = await hammer(server.base, r.paths, seconds);
    const p95 = quantile(h.latencies, 0.95);
    out.push(figure(`HTTP repeated reads: requests/s (${CONNECTIONS} connections, ${seconds} s)`, h.rps, 'req/s'));
    out.push(figure('HTTP repeated reads: p50', quantile(h.latencies, 0.5), 'ms'));
    out.push(figure('HTTP repeated reads: p95', p95, 'ms', below(p95, HTTP_TARGET_MS, 'ms')));
    out.push(figure('HTTP repeated reads: errors + non-200', h.bad, '', { text: '= 0', ok: h.bad === 0 }));
  } finally {
    await server.stop();
  }
  return out;
}
