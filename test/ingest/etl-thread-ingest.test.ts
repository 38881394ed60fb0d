import { afterEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/synthetic/corpus.ts';
import { ingestInputs } from '../../graph/ingest/ingest.ts';
import { rebuild, S000, S004, seededEnv, seedSource, withSortedEvidence, type Env } from './helpers.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';

// A long ingest reads on a thread of its own while the store writes the batch before; the graph
// must be exactly what reading everything in this thread (and what a full ETL) gives.

const docs = [...generateCorpus({ documents: 12, seed: 41, sections: 4 })];
const inputs = docs.map((d) => ({ input: d.file, read: async () => new TextEncoder().encode(d.text) }));

let envs: Env[] = [];
afterEach(async () => {
  for (const e of envs) await e.cleanup();
  envs = [];
});

async function ingestWithBatch(batchSize: number) {
  const env = await seededEnv();
  envs.push(env);
  const summary = await ingestInputs(inputs, { store: env.store, library: env.library, rules: env.rules, batchSize });
  return { env, summary, graph: await env.store.exportGraph() };
}

describe('ingest with the ETL on its own thread', () => {
  it('gives the same graph, outcomes and reports as reading in this thread, and as a full ETL', async () => {
    const threaded = await ingestWithBatch(3); // 12 inputs in batches of 3: the thread reads, four writes
    const here = await ingestWithBatch(50); // one batch: read in this thread
    expect(threaded.summary.counts.new).toBe(12);
    expect(threaded.summary.counts.failed).toBe(0);
    expect(threaded.graph).toEqual(here.graph);
    expect(threaded.summary.files.map((f) => [f.file, f.status, f.report, f.warnings.length])).toEqual(here.summary.files.map((f) => [f.file, f.status, f.report, f.warnings.length]));
    expect(threaded.summary.edgesAdded).toBe(here.summary.edgesAdded);
    expect(threaded.summary.edgesAdded).toBeGreaterThan(12 * 100);
    const full = rebuild(seedSource(S000), seedSource(S004), ...docs.map((d) => readSourceText(d.file, d.text)));
    expect(withSortedEvidence(threaded.graph)).toEqual(withSortedEvidence(full));
    expect((await threaded.env.library.entries()).length).toBe(14);
  });

  it('reads a second version of a document that is still on the thread after the first is written', async () => {
    const env = await seededEnv();
    envs.push(env);
    const first = docs[0]!;
    const changed = first.text.replace(/牵头/, '牵头组织');
    const twice = [inputs[0]!, inputs[1]!, inputs[2]!, { input: 'again.txt', read: async () => new TextEncoder().encode(changed) }, inputs[3]!];
    const summary = await ingestInputs(twice, { store: env.store, library: env.library, rules: env.rules, batchSize: 2 });
    expect(summary.files.map((f) => f.status)).toEqual(['new', 'new', 'new', 'updated', 'new']);
    expect(summary.files[3]!.file).toBe(first.file);
    const graph = await env.store.exportGraph();
    const full = rebuild(seedSource(S000), seedSource(S004), ...[readSourceText(first.file, changed), ...docs.slice(1, 4).map((d) => readSourceText(d.file, d.text))]);
    expect(withSortedEvidence(graph)).toEqual(withSortedEvidence(full));
  });
});
