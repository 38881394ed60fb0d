import { performance } from 'node:perf_hooks';
import type { SourceDocument } from '../etl/types.ts';
import { eachFragment } from './fragment.ts';
import { emptyRules, type MergeRules } from './merge-rules.ts';
import { prepareTextInput } from './read-input.ts';

export interface RawInput {
  name: string;
  bytes: Uint8Array;
}

export interface IngestEtlMeasurement {
  documents: number;
  refused: number;
  bytes: number;
  ms: number;
  /** Wall-clock throughput: falls when other processes share the cores. */
  mbPerSec: number;
  /**
   * CPU time of this process spent on the ETL: the time the caller's iterator takes to produce
   * the bytes (reading files; a bench's corpus generator) and heap sampling are left out, as in `ms`.
   * Run with --single-threaded so this is one core's work, compilation and GC included.
   */
  cpuMs: number;
  /** CPU time left out of cpuMs: producing the inputs, and the forced GCs of the heap samples. */
  outsideCpuMs: number;
  mbPerCpuSec: number;
  /**
   * The same, over the batches that start after the first `warmup` documents: the rate once the
   * JIT has compiled the ETL (a fixed cost of a fresh process, whatever the corpus size).
   */
  steady: { documents: number; bytes: number; cpuMs: number; mbPerCpuSec: number };
  nodes: number;
  edges: number;
  /** Heap after each sampled batch (MB, after a GC when --expose-gc): flat means memory does not grow with documents. */
  heapMb: number[];
  /** The batches (1-based) heapMb was taken after: the first two, every `heapEvery`-th and the last. */
  heapBatches: number[];
}

export interface MeasureOptions {
  context: readonly SourceDocument[];
  batchSize?: number;
  rules?: MergeRules;
  /** Sample the heap after every n-th batch (and the first two, and the last). */
  heapEvery?: number;
  /** Documents before the steady-state figures start counting. */
  warmup?: number;
}

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * The ingest path without the store: decode → source → fragments per batch, nothing kept between
 * batches but counters. The bench calls this with a generator so the corpus never sits in memory.
 */
export function measureIngestEtl(inputs: Iterable<RawInput>, options: MeasureOptions): IngestEtlMeasurement {
  const batchSize = options.batchSize ?? 25;
  // A forced full GC is costly and slows the batches after it: sampling fewer batches disturbs less.
  const heapEvery = options.heapEvery ?? 1;
  const warmup = options.warmup ?? 0;
  const rules = options.rules ?? emptyRules();
  const gc = (globalThis as { gc?: () => void }).gc;
  const m: IngestEtlMeasurement = {
    documents: 0, refused: 0, bytes: 0, ms: 0, mbPerSec: 0, cpuMs: 0, outsideCpuMs: 0, mbPerCpuSec: 0,
    steady: { documents: 0, bytes: 0, cpuMs: 0, mbPerCpuSec: 0 },
    nodes: 0, edges: 0, heapMb: [], heapBatches: [],
  };
  const t0 = performance.now();
  const cpu0 = cpuNow();
  let outsideMs = 0;
  /** Runs `fn` with its time left out of the ETL's. */
  const outside = <T>(fn: () => T): T => {
    const w0 = performance.now();
    const c0 = cpuNow();
    const out = fn();
    m.outsideCpuMs += cpuNow() - c0;
    outsideMs += performance.now() - w0;
    return out;
  };
  // The ETL CPU so far, and where the current batch began (documents, bytes, ETL CPU).
  const etlCpu = () => cpuNow() - cpu0 - m.outsideCpuMs;
  let batchStart = { documents: 0, bytes: 0, cpu: 0 };
  let batch: SourceDocument[] = [];
  let batches = 0;
  const sampleHeap = () => {
    gc?.();
    m.heapMb.push(Math.round((process.memoryUsage().heapUsed / 1e6) * 10) / 10);
    m.heapBatches.push(batches);
  };
  const flush = (last: boolean) => {
    if (batch.length > 0) {
      // Each fragment is counted and dropped as it comes, as the store path uses them.
      for (const [, f] of eachFragment(options.context, batch, rules)) {
        m.nodes += f.graph.nodes.length;
        m.edges += f.graph.edges.length;
      }
      batch = [];
      batches++;
      if (batchStart.documents >= warmup) {
        m.steady.documents += m.documents - batchStart.documents;
        m.steady.bytes += m.bytes - batchStart.bytes;
        m.steady.cpuMs += etlCpu() - batchStart.cpu;
      }
      if (last || batches <= 2 || batches % heapEvery === 0) outside(sampleHeap);
    } else if (last && batches > 0 && m.heapBatches[m.heapBatches.length - 1] !== batches) outside(sampleHeap);
    batchStart = { documents: m.documents, bytes: m.bytes, cpu: etlCpu() };
  };
  const it = inputs[Symbol.iterator]();
  for (;;) {
    const next = outside(() => it.next());
    if (next.done) break;
    const input = next.value;
    const p = prepareTextInput(input.name, input.name, input.bytes);
    m.bytes += input.bytes.length;
    if (!p.ok) {
      m.refused++;
      continue;
    }
    m.documents++;
    batch.push(p.source);
    if (batch.length >= batchSize) flush(false);
  }
  flush(true);
  m.ms = performance.now() - t0 - outsideMs;
  m.mbPerSec = m.ms > 0 ? m.bytes / 1e6 / (m.ms / 1000) : 0;
  m.cpuMs = etlCpu();
  m.mbPerCpuSec = m.cpuMs > 0 ? m.bytes / 1e6 / (m.cpuMs / 1000) : 0;
  m.steady.mbPerCpuSec = m.steady.cpuMs > 0 ? m.steady.bytes / 1e6 / (m.steady.cpuMs / 1000) : 0;
  return m;
}

/**
 * `count` documents made by varying the seeds: each is a seed with its own URL and 文号 (so it is
 * a new document), and a table row's lead unit and a section title rotated, so no two are equal.
 */
export function* variedSeedCorpus(seeds: readonly { file: string; text: string }[], count: number): Generator<RawInput> {
  const enc = new TextEncoder();
  const units = ['市发展改革局', '市科技信息局', '市贸工局', '市财政局', '市教育局', '市规划局'];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const lines = seed.text.split('\n');
    lines[0] = `http://www.sz.gov.cn/synthetic/${i}/t${String(i).padStart(6, '0')}.htm`;
    const numberLine = lines.findIndex((l, k) => k < 12 && /^文\s*号[:：]/.test(l));
    if (numberLine >= 0) lines[numberLine] = `文   号: 深府〔${2000 + (i % 30)}〕${1000 + i}号`;
    let swapped = 0;
    for (let k = 12; k < lines.length && swapped < 3; k++) {
      const l = lines[k]!;
      if (units.includes(l)) {
        lines[k] = units[(units.indexOf(l) + i + swapped) % units.length]!;
        swapped++;
      }
    }
    yield { name: `synthetic-${String(i).padStart(4, '0')}.txt`, bytes: enc.encode(lines.join('\n')) };
  }
}
