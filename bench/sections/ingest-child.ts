// Child process of the ingest section: the ingest path (decode → source → per-document
// fragments, in batches) over a streamed synthetic corpus, with GC exposed so the heap
// after each batch shows whether memory stays flat.
import { reportFromChild } from '../child.ts';
import { loadEtl, loadModule } from '../deps.ts';
import { readSeeds } from '../seed-text.ts';
import { generateCorpus } from '../synthetic/corpus.ts';
import type { SourceDocument } from '../../graph/etl/types.ts';
import type { IngestEtlMeasurement as Measurement } from '../../graph/ingest/throughput.ts';

type Measure = (inputs: Iterable<{ name: string; bytes: Uint8Array }>, options: { context: readonly SourceDocument[]; batchSize?: number; heapEvery?: number }) => Measurement;

async function main(): Promise<void> {
  const documents = Number(process.argv[process.argv.indexOf('--documents') + 1] ?? '1000');
  const mod = await loadModule('graph/ingest/throughput.ts', 'measureIngestEtl');
  if (!mod.ok) throw new Error(mod.reason);
  const etl = await loadEtl();
  if (!etl.ok) throw new Error(etl.reason);
  const measure = mod.api['measureIngestEtl'] as Measure;
  const context = readSeeds().map((d) => etl.api.readSourceText(d.file, d.text));
  const enc = new TextEncoder();
  // Shorter plans than the ETL section's (8 work areas, ~20 KB each) so 1,000 fit the time budget.
  const inputs = (function* () {
    for (const d of generateCorpus({ documents, seed: 17, sections: 8 })) yield { name: d.file, bytes: enc.encode(d.text) };
  })();
  // A forced full GC per heap sample slows the batches after it: sample every 8th batch (and the first two, and the last).
  const m = measure(inputs, { context, batchSize: 25, heapEvery: 8 });
  reportFromChild({ ...m });
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
