import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { ingestNodeFlags } from '../product-flags.ts';
import { atLeast, below, figure, notMeasured, type Figure } from '../report.ts';
import type { IngestEtlMeasurement } from '../../graph/ingest/throughput.ts';

// Loaded by path at run time (deps.ts); only the type is imported here.
interface IngestResult extends IngestEtlMeasurement {
  maxRssMb: number;
}

const CORPORA = [
  { key: 'varied', label: 'seeds varied' },
  { key: 'generated', label: 'generated plans' },
] as const;

export async function runIngest(ctx: BenchContext): Promise<Figure[]> {
  const n = ctx.quick ? 100 : 1000;
  const warmup = ctx.quick ? 25 : 250;
  const figures: Figure[] = [];
  for (const corpus of CORPORA) {
    const args = ['--documents', String(n), '--corpus', corpus.key, '--warmup', String(warmup)];
    // Per core: --single-threaded keeps compilation and garbage collection on the measured thread,
    // so the child's CPU time is one core's whole work. Heap flags are the ingest CLI's own.
    const flags = ['--single-threaded', ...ingestNodeFlags()];
    const speed = await runChild<IngestResult>('bench/sections/ingest-child.ts', [...args, '--measure', 'speed'], 240_000, flags);
    // The heap is sampled after forced full GCs, in a run of its own.
    const memory = await runChild<IngestResult>('bench/sections/ingest-child.ts', [...args, '--measure', 'memory'], 240_000, ['--expose-gc', ...flags]);
    const name = `${n} documents, ${corpus.label}`;
    if (!speed.ok || !speed.value) figures.push(notMeasured(`ingest speed of ${name}`, speed.error ?? 'no result'));
    else figures.push(...speedFigures(name, warmup, speed.value));
    if (!memory.ok || !memory.value) figures.push(notMeasured(`ingest memory of ${name}`, memory.error ?? 'no result'));
    else {
      figures.push(...memoryFigures(name, memory.value));
      ctx.rss.push({ label: `ingest of ${name}`, maxRssMb: memory.value.maxRssMb });
    }
  }
  return figures;
}

function speedFigures(name: string, warmup: number, r: IngestResult): Figure[] {
  // What the first documents cost beyond the steady rate: the JIT compiling the ETL, once per process.
  const warmupCpuS = (r.cpuMs - r.steady.cpuMs - ((r.bytes - r.steady.bytes) / 1e6 / r.steady.mbPerCpuSec) * 1000) / 1000;
  return [
    figure(`${name}: size`, r.bytes / 1e6, `MB (${r.refused} refused), ${r.edges} edges and ${r.nodes} nodes in fragments`),
    figure(`${name}: documents per second (wall)`, r.documents / (r.ms / 1000), 'docs/s'),
    figure(`${name}: MB per CPU-second, whole run`, r.mbPerCpuSec, 'MB/s (one core, JIT warm-up included)'),
    figure(`${name}: MB per CPU-second after ${warmup} documents`, r.steady.mbPerCpuSec, 'MB/s (one core)', atLeast(r.steady.mbPerCpuSec, 10, 'MB/s')),
    figure(`${name}: JIT warm-up`, warmupCpuS, `CPU-s more than the steady rate for the first ${warmup} documents`),
  ];
}

function memoryFigures(name: string, r: IngestResult): Figure[] {
  const heap = r.heapMb;
  // Flat memory: the heap after the last batch against the heap after the second (first is warm-up).
  const batches = r.heapBatches;
  const growth = (heap[heap.length - 1] ?? 0) - (heap[Math.min(1, heap.length - 1)] ?? 0);
  return [
    figure(`${name}: heap after batches of 25 (${batches[batches.length - 1] ?? 0} batches, ${heap.length} samples)`, heap[heap.length - 1] ?? NaN, `MB (from ${heap[0] ?? '?'} MB, max ${Math.max(...heap)} MB)`),
    figure(`${name}: heap growth from batch 2 to the last`, growth, 'MB', below(growth, 50, 'MB (flat)')),
  ];
}
