// Child process of the ingest section: the ingest path (decode → source → per-document
// fragments, in batches) over a streamed synthetic corpus, with GC exposed so the heap
// after each batch shows whether memory stays flat.
import { reportFromChild } from '../child.ts';
import { loadEtl, loadModule } from '../deps.ts';
import { readSeeds } from '../seed-text.ts';
import { generateCorpus } from '../synthetic/corpus.ts';
import type { SourceDocument } from '../../graph/etl/types.ts';
import type { IngestEtlMeasurement as Measurement, RawInput } from '../../graph/ingest/throughput.ts';

type Measure = (inputs: Iterable<RawInput>, options: { context: readonly SourceDocument[]; batchSize?: number; heapEvery?: number; warmup?: number }) => Measurement;
type Varied = (seeds: readonly { file: string; text: string }[], count: number) => Iterable<RawInput>;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const documents = Number(arg('--documents', '1000'));
  const corpus = arg('--corpus', 'generated');
  const warmup = Number(arg('--warmup', '0'));
  // Speed and memory are measured in separate runs: the forced full GC of a heap sample discards
  // code the JIT compiled (and shrinks the young generation), slowing the batches after it.
  const heapEvery = arg('--measure', 'speed') === 'memory' ? 8 : Infinity;
  const mod = await loadModule('graph/ingest/throughput.ts', 'measureIngestEtl', 'variedSeedCorpus');
  if (!mod.ok) throw new Error(mod.reason);
  const etl = await loadEtl();
  if (!etl.ok) throw new Error(etl.reason);
  const measure = mod.api['measureIngestEtl'] as Measure;
  const seeds = readSeeds();
  const context = seeds.map((d) => etl.api.readSourceText(d.file, d.text));
  const enc = new TextEncoder();
  // Streamed, so the corpus never sits in memory; producing it is timed apart from the ETL.
  const inputs: Iterable<RawInput> =
    corpus === 'varied'
      ? // The seeds themselves, each with its own URL and 文号 and some lead units rotated.
        (mod.api['variedSeedCorpus'] as Varied)(seeds, documents)
      : // Plans generated from the seeds' vocabulary: shorter (8 work areas, ~23 KB) and denser in facts.
        (function* () {
          for (const d of generateCorpus({ documents, seed: 17, sections: 8 })) yield { name: d.file, bytes: enc.encode(d.text) };
        })();
  const m = measure(inputs, { context, batchSize: 25, heapEvery, warmup });
  reportFromChild({ ...m });
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
