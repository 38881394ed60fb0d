import type { ProbeReport } from './ingest-store-probe.ts';

export interface WindowCost {
  /** Mean wall ms per document. */
  wall: number;
  /** Mean CPU ms of the kg ingest process per document: what machine load does not change. */
  cpu: number;
}

/**
 * Per-document cost of the first and last `window` documents of a `kg ingest` run. Documents
 * are written in batches that grow with the graph, so one document's own time cannot be read
 * off; instead each batch's documents share evenly the time from the previous batch's commit
 * (the first batch: from its ETL) to their own commit — their ETL, the write and the commit.
 * A flat ingest gives the last documents the cost of the first ones.
 */
export function perDocumentMs(probe: ProbeReport, order: readonly string[], window = 100): { first: WindowCost; last: WindowCost } {
  const share = new Map<string, WindowCost>();
  let from = probe.firstEtl ?? { at: Number.NaN, cpuMs: Number.NaN };
  for (const w of probe.writes) {
    const committed = probe.commits.find((c) => c.at >= w.end) ?? { at: w.end, cpuMs: Number.NaN };
    const n = w.docs.length;
    for (const d of w.docs) share.set(d, { wall: (committed.at - from.at) / n, cpu: (committed.cpuMs - from.cpuMs) / n });
    from = committed;
  }
  // A document missing from every write gives NaN: it shows, rather than averaging it away.
  const mean = (docs: readonly string[]): WindowCost => {
    const sum = (k: keyof WindowCost) => docs.reduce((a, d) => a + (share.get(d)?.[k] ?? Number.NaN), 0) / docs.length;
    return { wall: sum('wall'), cpu: sum('cpu') };
  };
  return { first: mean(order.slice(0, window)), last: mean(order.slice(-window)) };
}
