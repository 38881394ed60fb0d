// Child process of the "Ingest into the store" section: `kg ingest` as a user runs it, end to
// end — decode, ETL, the embedded store's batched writes and snapshot, the document library —
// over a synthetic corpus, in a temporary data folder loaded with the seeds first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportFromChild } from '../child.ts';
import { ROOT } from '../deps.ts';
import { readSeeds } from '../seed-text.ts';
import { generateCorpus } from '../synthetic/corpus.ts';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { ingestInputs } from '../../graph/ingest/ingest.ts';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { emptyRules } from '../../graph/ingest/merge-rules.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';

export interface IngestStoreResult {
  documents: number;
  bytes: number;
  ms: number;
  cpuMs: number;
  nodes: number;
  edges: number;
  /** Store writes (replaceDocuments calls) and the wall ms of the slowest. */
  writes: number;
  slowestWriteMs: number;
  statuses: Record<string, number>;
}

async function main(): Promise<void> {
  const documents = Number(process.argv[process.argv.indexOf('--documents') + 1] ?? '1000');
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const store = await MemoryGraphStore.open(dir);
    await store.loadGraph(buildGraph(readSeeds().map((d) => readSourceText(d.file, d.text))).graph);
    const library = await SourceLibrary.open(dir, join(ROOT, 'seeds'));
    const enc = new TextEncoder();
    const corpus = [...generateCorpus({ documents, seed: 17, sections: 8 })].map((d) => enc.encode(d.text));
    const names = corpus.map((_, i) => `synthetic-${String(i).padStart(4, '0')}.txt`);
    const inputs = corpus.map((bytes, i) => ({ input: names[i]!, size: bytes.length, read: async () => bytes }));
    // Count and time the store writes: batches grow with the graph (fragment-writer.ts).
    let writes = 0;
    let slowestWriteMs = 0;
    const replace = store.replaceDocuments.bind(store);
    store.replaceDocuments = async (batch) => {
      const w0 = performance.now();
      const out = await replace(batch);
      writes++;
      slowestWriteMs = Math.max(slowestWriteMs, performance.now() - w0);
      return out;
    };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await ingestInputs(inputs, {
      store,
      library,
      rules: emptyRules(),
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const counts = await store.counts();
    reportFromChild({
      documents,
      bytes: corpus.reduce((a, b) => a + b.length, 0),
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      nodes: counts.totalNodes,
      edges: counts.totalEdges,
      writes,
      slowestWriteMs,
      statuses: summary.counts,
    } satisfies IngestStoreResult);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
