import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import type { SourceDocument } from '../../graph/etl/types.ts';
import { decodeBytes } from '../../graph/ingest/decode.ts';
import { ingestInputs, type IngestSummary } from '../../graph/ingest/ingest.ts';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { emptyRules, type MergeRules } from '../../graph/ingest/merge-rules.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import type { GraphStore } from '../../graph/store/types.ts';

export const FIX = 'test/fixtures/ingest';
export const S000 = '000_2ebb2acb91732bad.txt';
export const S004 = '004_6d8794a7fddf0732.txt';

export function seedSource(file: string): SourceDocument {
  return readSourceText(file, readFileSync(join('seeds', file), 'utf8'));
}

/** A fixture read the way ingest reads it, under the evidence name of the document it replaces. */
export function fixtureAs(fixture: string, file: string): SourceDocument {
  const r = decodeBytes(readFileSync(join(FIX, fixture)));
  if (!r.ok) throw new Error(r.message);
  return readSourceText(file, r.text);
}

/** What a full ETL run over exactly these sources gives: the reference for "nothing else changed". */
export function rebuild(...sources: SourceDocument[]): GraphJson {
  return buildGraph(sources).graph;
}

export interface Env {
  dir: string;
  store: GraphStore;
  library: SourceLibrary;
  rules: MergeRules;
  ingest(inputs: { name: string; bytes: Uint8Array }[] | string[], opts?: { force?: boolean }): Promise<IngestSummary>;
  cleanup(): Promise<void>;
}

/**
 * A seeded Env for each test of the file (and the graph it started with), cleaned up after it:
 * `set` receives both so the file keeps its own names for them.
 */
export function useSeededEnv(set: (env: Env, before: GraphJson) => void, makeStore?: (dir: string) => Promise<GraphStore>): void {
  let env: Env | undefined;
  beforeEach(async () => {
    env = await seededEnv(makeStore);
    set(env, await env.store.exportGraph());
  });
  afterEach(() => env?.cleanup());
}

/** A temp data dir, the embedded store loaded with the seeds (as `kg etl` leaves it), the library. */
export async function seededEnv(makeStore?: (dir: string) => Promise<GraphStore>): Promise<Env> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-ingest-'));
  const store = makeStore ? await makeStore(dir) : await MemoryGraphStore.open(dir);
  await store.loadGraph(rebuild(seedSource(S000), seedSource(S004)));
  const library = await SourceLibrary.open(dir);
  const env: Env = {
    dir,
    store,
    library,
    rules: emptyRules(),
    ingest: (inputs, opts) =>
      ingestInputs(
        inputs.map((i) =>
          typeof i === 'string'
            ? { input: i, read: async () => readFileSync(i) }
            : { input: i.name, read: async () => i.bytes },
        ),
        { store, library, rules: env.rules, force: opts?.force },
      ),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}

/** The graph with every evidence list in one order: the store keeps first-seen order, a rebuild file order. */
export function withSortedEvidence(g: GraphJson): GraphJson {
  const key = (e: { doc: string; line: number; quote: string }) => `${e.doc}\u0000${String(e.line).padStart(8, '0')}\u0000${e.quote}`;
  const sort = <T extends { evidence: { doc: string; line: number; quote: string }[] }>(x: T): T => ({ ...x, evidence: [...x.evidence].sort((a, b) => (key(a) < key(b) ? -1 : 1)) });
  return { nodes: g.nodes.map(sort), edges: g.edges.map(sort) };
}
