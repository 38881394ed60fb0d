import { buildGraph, listSeedFiles } from '../graph/etl/build-graph.ts';
import { readSourceFile } from '../graph/etl/read-source.ts';
import type { GraphStore } from '../graph/store/types.ts';

/** Loads the seeds into an empty store; returns a line saying what happened. */
export async function seedIfEmpty(store: GraphStore, seedsDir: string): Promise<string> {
  const before = await store.counts();
  if (before.totalNodes > 0) return `store holds ${before.totalNodes} nodes and ${before.totalEdges} edges; seeds not loaded`;
  const files = await listSeedFiles(seedsDir);
  if (files.length === 0) return `store is empty and ${seedsDir}/ has no seed files`;
  const etl = buildGraph(await Promise.all(files.map((f) => readSourceFile(f))));
  const summary = await store.loadGraph(etl.graph);
  return (
    `store was empty: loaded ${files.length} seed documents → ${summary.nodes} nodes, ${summary.edges} edges ` +
    `(ETL ${Math.round(etl.ms)} ms, load ${Math.round(summary.ms)} ms; ${etl.findings.length} consistency findings, ${etl.warnings.length} warnings)`
  );
}
