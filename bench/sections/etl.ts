import { loadEtl, type EtlApi } from '../deps.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { readSeeds, plainScan, type RawDoc } from '../seed-text.ts';
import { median, mb } from '../stats.ts';
import { generateCorpus } from '../synthetic/corpus.ts';
import type { BenchContext } from '../context.ts';

/** CPU ms of `fn`, median over `runs` after one warm-up run (start-up excluded); the cold run's CPU ms in `cold`. */
function cpuMedian(fn: () => unknown, runs: number, cold?: { ms: number }): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  if (cold) cold.ms = (c.user + c.system) / 1000;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return median(times);
}

function measureCorpus(etl: EtlApi, label: string, docs: RawDoc[], runs: number, out: Figure[], withTargets: boolean): void {
  const bytes = docs.reduce((n, d) => n + d.bytes, 0);
  let edges = 0;
  const cold = { ms: 0 };
  const etlMs = cpuMedian(() => {
    const g = etl.buildGraph(docs.map((d) => etl.readSourceText(d.file, d.text)));
    edges = g.graph.edges.length;
  }, runs, cold);
  const buffers = docs.map((d) => Buffer.from(d.text, 'utf8'));
  // The scan is so short that its CPU clock is coarse; repeat it and divide.
  const reps = 20;
  const scanMs = cpuMedian(() => { for (let i = 0; i < reps; i++) plainScan(buffers); }, runs) / reps;
  const mbps = mb(bytes) / (etlMs / 1000);
  const ratio = etlMs / Math.max(scanMs, 1e-3);
  out.push(figure(`${label}: documents / MB / edges`, docs.length, `docs, ${mb(bytes).toFixed(2)} MB, ${edges} edges`));
  out.push(figure(`${label}: ETL CPU time, first run (JIT cold)`, cold.ms, 'ms'));
  out.push(figure(`${label}: ETL CPU time after start-up (median of ${runs})`, etlMs, 'ms', withTargets ? below(etlMs, 200, 'ms') : undefined));
  out.push(figure(`${label}: ETL throughput per core`, mbps, 'MB/s'));
  out.push(figure(`${label}: plain one-pass scan`, mb(bytes) / (scanMs / 1000), 'MB/s'));
  out.push(figure(`${label}: ETL time ÷ scan time`, ratio, '×', below(ratio, 20, '×')));
}

export async function runEtl(ctx: BenchContext): Promise<Figure[]> {
  const etl = await loadEtl();
  if (!etl.ok) return [notMeasured('ETL', etl.reason)];
  const out: Figure[] = [];
  measureCorpus(etl.api, 'seeds', readSeeds(), ctx.quick ? 5 : 15, out, true);
  const n = ctx.quick ? 20 : 100;
  const synthetic = [...generateCorpus({ documents: n, seed: 11 })].map((d) => ({ ...d, bytes: Buffer.byteLength(d.text) }));
  measureCorpus(etl.api, `synthetic ×${n}`, synthetic, 2, out, false);
  return out;
}
