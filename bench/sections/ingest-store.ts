import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { ingestNodeFlags } from '../product-flags.ts';
import { figure, notMeasured, type Figure } from '../report.ts';
import type { IngestStoreResult } from './ingest-store-child.ts';

/**
 * What a user waits for: documents through `kg ingest` into the embedded store, end to end. The
 * issue's speed target is for the ETL alone (the Ingest section); these figures have none.
 */
export async function runIngestStore(ctx: BenchContext): Promise<Figure[]> {
  const n = ctx.quick ? 100 : 500;
  const res = await runChild<IngestStoreResult & { maxRssMb: number }>('bench/sections/ingest-store-child.ts', ['--documents', String(n)], 420_000, ingestNodeFlags());
  if (!res.ok || !res.value) return [notMeasured(`ingest of ${n} documents into the embedded store`, res.error ?? 'no result')];
  const r = res.value;
  ctx.rss.push({ label: `ingest of ${n} documents into the embedded store`, maxRssMb: r.maxRssMb });
  return [
    figure(`${n} documents (${(r.bytes / 1e6).toFixed(1)} MB) into the seeded store: wall time`, r.ms / 1000, `s (${r.statuses['new'] ?? 0} new, ${r.statuses['failed'] ?? 0} failed)`),
    figure('graph after ingest', r.edges, `edges, ${r.nodes} nodes`),
    figure('documents per second (wall)', r.documents / (r.ms / 1000), 'docs/s'),
    figure('MB per second (wall)', r.bytes / 1e6 / (r.ms / 1000), 'MB/s'),
    figure('MB per CPU-second', r.bytes / 1e6 / (r.cpuMs / 1000), 'MB/s'),
    figure('store writes (batches grow with the graph)', r.writes, `writes, the slowest ${(r.slowestWriteMs / 1000).toFixed(1)} s`),
  ];
}
