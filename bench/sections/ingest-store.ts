import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { atLeast, below, figure, notMeasured, type Figure } from '../report.ts';
import type { IngestStoreResult } from './ingest-store-child.ts';

/**
 * What a user waits for: `kg ingest <folder>` of generated plans into the seeded embedded store,
 * in its own process, end to end. Targets: at least 5 MB/s over the whole wait, under 1 GB
 * peak RSS, and a per-document cost that stays flat as the graph grows (the last 100
 * documents at most 1.5 times the first 100).
 */
export async function runIngestStore(ctx: BenchContext): Promise<Figure[]> {
  const n = ctx.quick ? 200 : 1000;
  const label = `kg ingest of ${n} plans into the embedded store`;
  const res = await runChild<IngestStoreResult>('bench/sections/ingest-store-child.ts', ['--documents', String(n)], 900_000);
  if (!res.ok || !res.value) return [notMeasured(label, res.error ?? 'no result')];
  const r = res.value;
  ctx.rss.push({ label, maxRssMb: r.cliMaxRssMb });
  const mbps = r.bytes / 1e6 / (r.wallMs / 1000);
  // Flat is judged on CPU per document: wall time per document moves with the machine's load.
  const ratio = r.last.cpu / r.first.cpu;
  const perDoc = (w: { wall: number; cpu: number }) => `ms/doc wall, ${w.cpu.toFixed(0)} ms/doc CPU`;
  return [
    figure(`${n} plans (${(r.bytes / 1e6).toFixed(1)} MB) through kg ingest: wall time`, r.wallMs / 1000, `s (${r.statuses['new'] ?? 0} new, ${r.statuses['failed'] ?? 0} failed; start-up ${(r.startMs / 1000).toFixed(1)} s)`),
    figure('MB per second (wall, start-up included)', mbps, 'MB/s', atLeast(mbps, 5, 'MB/s')),
    figure('MB per CPU-second of the kg ingest process', r.bytes / 1e6 / (r.cpuMs / 1000), 'MB/s'),
    figure('peak RSS of the kg ingest process', r.cliMaxRssMb, 'MB', below(r.cliMaxRssMb, 1024, 'MB')),
    figure('per-document cost, first 100 plans', r.first.wall, perDoc(r.first)),
    figure('per-document cost, last 100 plans', r.last.wall, perDoc(r.last)),
    figure('last 100 / first 100, CPU per document (flat is 1)', ratio, '×', { text: '≤ 1.5 ×', ok: ratio <= 1.5 }),
    figure('graph growth', r.edgesAdded, `edges, ${r.nodesAdded} nodes added`),
    figure('store writes (one per batch of 25 documents)', r.writes, `writes, the slowest ${(r.slowestWriteMs / 1000).toFixed(1)} s`),
  ];
}
