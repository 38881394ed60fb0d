// Child process of the store section: one store kind at one graph size, so that each
// size's peak RSS is measured alone. Prints one JSON line (see child.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphJson } from '../../graph/model/index.ts';
import { reportFromChild } from '../child.ts';
import { loadEtl, loadStore } from '../deps.ts';
import { sampleQueries } from '../query-sample.ts';
import { readSeeds } from '../seed-text.ts';
import { sample } from '../stats.ts';
import type { StoreChildResult } from './store-types.ts';
import { generateGraph } from '../synthetic/graph-json.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function graphFor(size: string): Promise<GraphJson> {
  if (size !== 'seed') return generateGraph(Number(size));
  const etl = await loadEtl();
  if (!etl.ok) throw new Error(etl.reason);
  return etl.api.buildGraph(readSeeds().map((d) => etl.api.readSourceText(d.file, d.text))).graph;
}

async function main(): Promise<void> {
  const kind = arg('kind', 'memory') as 'memory' | 'neo4j';
  const size = arg('size', 'seed');
  const runs = Number(arg('runs', '200'));
  const storeMod = await loadStore();
  if (!storeMod.ok) throw new Error(storeMod.reason);
  const graph = await graphFor(size);
  const q = sampleQueries(graph);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const store = await storeMod.api.createStore(storeMod.api.storeConfigFromEnv(process.env, { kind, dataDir }));
  try {
    const t0 = performance.now();
    await store.loadGraph(graph);
    const loadMs = performance.now() - t0;
    const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
    const budget = size === 'seed' ? 3_000 : 8_000;
    // Whole-graph analyses take seconds at 1M edges: a few samples are enough there.
    const minSamples = Number(size) >= 1_000_000 ? 3 : 5;
    const safe = (fn: (i: number) => unknown, n: number) => sample(fn, n, budget, minSamples).catch((e: unknown) => ({ error: (e as Error).message }));
    const queries = {
      search: await safe((i) => store.search(at(q.terms, i)), runs),
      neighbors2: await safe((i) => store.neighbors(at(q.nodes, i), { depth: 2 }), runs),
      shortestPath: await safe((i) => { const [a, b] = at(q.pairs, i); return store.shortestPaths(a, b); }, runs),
      workload: await safe(() => store.workload(), Math.min(runs, 50)),
      trace: await safe((i) => store.trace(at(q.technologies, i)), Math.min(runs, 100)),
    };
    const elements = graph.nodes.length + graph.edges.length;
    const result: Omit<StoreChildResult, 'maxRssMb'> = { kind, size, nodes: graph.nodes.length, edges: graph.edges.length, loadMs, elementsPerSec: elements / (loadMs / 1000), queries };
    reportFromChild(result);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
