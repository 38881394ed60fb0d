import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSourceText } from '../../graph/etl/read-source.ts';
import type { Evidence, GraphJson } from '../../graph/model/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';

// What a data dir must hold whatever happened to its writers: read straight from the files
// (documents.json, graph.json and its log, sources/, seeds/, merge-rules.json), not through
// the library, so a bug there cannot hide itself.

export interface DataDirCheck {
  /** Listed documents: ingested ones, and seeds neither shadowed nor removed. */
  listed: string[];
  ingested: string[];
  graph: GraphJson;
  /** Confirmed merges in merge-rules.json. */
  merges: number;
  /** Every broken rule, one line each (the first 20; `problemCount` has them all). */
  problems: string[];
  problemCount: number;
}

interface IndexFile {
  documents: { file: string }[];
  removedSeeds: string[];
}

const readJson = async <T>(path: string, empty: T): Promise<T> => {
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? empty : (JSON.parse(text) as T);
};

export async function checkDataDir(dataDir: string, seedsDir: string): Promise<DataDirCheck> {
  const problems: string[] = [];
  const index = await readJson<IndexFile>(join(dataDir, 'documents.json'), { documents: [], removedSeeds: [] });
  const seeds = (await readdir(seedsDir)).filter((n) => n.endsWith('.txt'));
  const ingested = index.documents.map((d) => d.file);
  const own = new Set(ingested);
  const listed = [...new Set([...ingested, ...seeds.filter((s) => !index.removedSeeds.includes(s))])].sort();

  const store = await MemoryGraphStore.open(dataDir);
  const graph: GraphJson = await store.exportGraph();
  await store.close();

  const texts = new Map<string, string[] | null>();
  const linesOf = async (doc: string): Promise<string[] | null> => {
    if (!texts.has(doc)) {
      const path = own.has(doc) ? join(dataDir, 'sources', doc) : join(seedsDir, doc);
      const text = await readFile(path, 'utf8').catch(() => null);
      texts.set(doc, text === null ? null : readSourceText(doc, text).lines);
    }
    return texts.get(doc)!;
  };
  for (const doc of ingested) if ((await linesOf(doc)) === null) problems.push(`${doc} is listed but data/sources/${doc} is missing`);

  const cited = new Set<string>();
  const checkEvidence = async (id: string, evidence: readonly Evidence[]) => {
    for (const e of evidence) {
      cited.add(e.doc);
      if (!own.has(e.doc) && !seeds.includes(e.doc)) {
        problems.push(`${id} cites ${e.doc}, which is not listed`);
        continue;
      }
      const line = (await linesOf(e.doc))?.[e.line - 1];
      if (line === undefined || !line.includes(e.quote)) problems.push(`${id}: quote ${JSON.stringify(e.quote)} is not on ${e.doc}:${e.line} (${JSON.stringify(line?.slice(0, 60))})`);
    }
  };
  for (const n of graph.nodes) await checkEvidence(n.id, n.evidence);
  for (const e of graph.edges) await checkEvidence(e.id, e.evidence);
  for (const doc of listed) if (!cited.has(doc)) problems.push(`${doc} is listed but has no facts`);

  // A confirmed merge is a rule and its effect together: the alias is no node of its own.
  const rules = await readJson<{ merges: { alias: string }[] }>(join(dataDir, 'merge-rules.json'), { merges: [] });
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const m of rules.merges) if (ids.has(m.alias)) problems.push(`merge of ${m.alias} is recorded but ${m.alias} is still a node`);

  return { listed, ingested, graph, merges: rules.merges.length, problems: problems.slice(0, 20), problemCount: problems.length };
}

/** What a finished or repaired commit leaves nowhere: the commit record and temp files. */
export async function leftovers(dataDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ['.', 'sources', 'graph-log']) {
    const names = await readdir(join(dataDir, dir)).catch(() => [] as string[]);
    for (const n of names) if (n.endsWith('.tmp') || n === 'commit.json') out.push(join(dir, n));
  }
  return out;
}
