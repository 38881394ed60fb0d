import type { ProbeReport } from './ingest-store-probe.ts';

/**
 * Per-document cost of the first and last `window` documents of a `kg ingest` run. Documents
 * are written in batches that grow with the graph, so one document's own time cannot be read
 * off; instead each batch's documents share evenly the time from the previous batch's commit
 * (the first batch: from its ETL) to their own commit — their ETL, the write and the commit.
 * A flat ingest gives the last documents the cost of the first ones.
 */
export function perDocumentMs(probe: ProbeReport, order: readonly string[], window = 100): { first: number; last: number } {
  const share = new Map<string, number>();
  let from = probe.firstEtlAt ?? Number.NaN;
  for (const w of probe.writes) {
    const committed = probe.commitsEndedAt.find((t) => t >= w.end) ?? w.end;
    for (const d of w.docs) share.set(d, (committed - from) / w.docs.length);
    from = committed;
  }
  // A document missing from every write gives NaN: it shows, rather than averaging it away.
  const mean = (docs: readonly string[]) => docs.reduce((a, d) => a + (share.get(d) ?? Number.NaN), 0) / docs.length;
  return { first: mean(order.slice(0, window)), last: mean(order.slice(-window)) };
}
