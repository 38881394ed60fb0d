import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { atLeast, below, figure, notMeasured, type Figure } from '../report.ts';
import type { IngestEtlMeasurement } from '../../graph/ingest/throughput.ts';

// Loaded by path at run time (deps.ts); only the type is imported here.
interface IngestResult extends IngestEtlMeasurement {
  maxRssMb: number;
}

export async function runIngest(ctx: BenchContext): Promise<Figure[]> {
  const n = ctx.quick ? 100 : 1000;
  // A figure per core: the child collects garbage on its own thread too (--single-threaded-gc), so
  // its CPU time is one core's work and no helper threads of V8 on the other core join in.
  const res = await runChild<IngestResult>('bench/sections/ingest-child.ts', ['--documents', String(n)], 240_000, ['--expose-gc', '--single-threaded-gc']);
  if (!res.ok || !res.value) return [notMeasured(`ingest of ${n} synthetic documents`, res.error ?? 'no result')];
  const r = res.value;
  const heap = r.heapMb;
  // Flat memory: the heap after the last batch against the heap after the second (first is warm-up).
  const batches = r.heapBatches ?? heap.map((_, i) => i + 1);
  const growth = (heap[heap.length - 1] ?? 0) - (heap[Math.min(1, heap.length - 1)] ?? 0);
  ctx.rss.push({ label: `ingest of ${n} synthetic documents`, maxRssMb: r.maxRssMb });
  return [
    figure(`${n} documents: size`, r.bytes / 1e6, `MB (${r.refused} refused)`),
    figure(`${n} documents: fragments built`, r.edges, `edges, ${r.nodes} nodes`),
    figure('documents per second (wall)', r.documents / (r.ms / 1000), 'docs/s'),
    figure('MB per second (wall)', r.mbPerSec, 'MB/s'),
    figure('MB per CPU-second (per core)', r.mbPerCpuSec, 'MB/s', atLeast(r.mbPerCpuSec, 10, 'MB/s')),
    figure(`heap after batches of 25: first → last (${batches[batches.length - 1] ?? 0} batches, ${heap.length} samples)`, heap[heap.length - 1] ?? NaN, `MB (from ${heap[0] ?? '?'} MB, max ${Math.max(...heap)} MB)`),
    figure('heap growth from batch 2 to the last', growth, 'MB', below(growth, 50, 'MB (flat)')),
  ];
}
