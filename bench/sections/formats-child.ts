// Child process of the formats section: documents of one format through the real ingest path
// (read the format, decode, ETL, the embedded store, the library) into a seeded temporary data
// dir, in a fresh process as `kg ingest` runs — pdf.js and the readers load inside the timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportFromChild } from '../child.ts';
import { ROOT } from '../deps.ts';
import { readSeeds } from '../seed-text.ts';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { ingestInputs } from '../../graph/ingest/ingest.ts';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { emptyRules } from '../../graph/ingest/merge-rules.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { BENCH_FORMATS, formatCorpus, longPdf, type BenchFormat, type BenchInput } from './formats-corpus.ts';

export interface FormatResult {
  documents: number;
  bytes: number;
  ms: number;
  cpuMs: number;
  statuses: Record<string, number>;
  /** Table rows read (tables) or pages' sections (PDF): a run that read nothing is no speed. */
  tableRows: number;
  sections: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const format = arg('--format') as BenchFormat | undefined;
  const pages = Number(arg('--pages') ?? 0);
  const count = Number(arg('--documents') ?? 10);
  if (!pages && (!format || !BENCH_FORMATS.includes(format))) throw new Error(`--format must be one of ${BENCH_FORMATS.join(', ')} (or --pages N)`);
  // Made before the clock starts: generating PDFs costs far more than reading them.
  const corpus: BenchInput[] = pages ? [await longPdf(pages)] : await formatCorpus(format!, count);
  const dir = mkdtempSync(join(tmpdir(), 'bench-formats-'));
  try {
    const store = await MemoryGraphStore.open(dir);
    await store.loadGraph(buildGraph(readSeeds().map((d) => readSourceText(d.file, d.text))).graph);
    const library = await SourceLibrary.open(dir, join(ROOT, 'seeds'));
    const inputs = corpus.map((c) => ({ input: c.name, size: c.bytes.length, read: async () => c.bytes }));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await ingestInputs(inputs, { store, library, rules: emptyRules() });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await store.close();
    reportFromChild({
      documents: corpus.length,
      bytes: corpus.reduce((a, c) => a + c.bytes.length, 0),
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      statuses: summary.counts,
      tableRows: summary.files.reduce((a, f) => a + (f.report?.tableRows ?? 0), 0),
      sections: summary.files.reduce((a, f) => a + (f.report?.sections ?? 0), 0),
    } satisfies FormatResult);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
