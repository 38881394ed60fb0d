import { buildGraph, listSeedFiles } from '../../graph/etl/build-graph.ts';
import { readSourceFile } from '../../graph/etl/read-source.ts';
import type { GraphJson } from '../../graph/model/index.ts';

let cached: Promise<GraphJson> | undefined;

/** The real seed graph as the ETL builds it from seeds/ (built once per test file). */
export function seedGraph(): Promise<GraphJson> {
  cached ??= (async () => buildGraph(await Promise.all((await listSeedFiles('seeds')).map(readSourceFile))).graph)();
  return cached;
}

/** The ETL's output for one seed document on its own: what a re-ingest of that file produces. */
export async function seedDocumentGraph(file: string): Promise<GraphJson> {
  return buildGraph([await readSourceFile(`seeds/${file}`)]).graph;
}
