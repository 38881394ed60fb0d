// Child process of the Neo4j section: loads a synthetic graph of about 100k edges into the
// bench's own graph label and times each explorer query on Neo4j. Prints one JSON line.
import { computeMatrix } from '../../graph/analysis/matrix.ts';
import { reportFromChild } from '../child.ts';
import { loadStore } from '../deps.ts';
import { sampleQueries } from '../query-sample.ts';
import { sample } from '../stats.ts';
import { generateGraph } from '../synthetic/graph-json.ts';
import { BENCH_EDGES, BENCH_GRAPH, type Neo4jChildResult } from './neo4j-types.ts';

async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] ?? '100') || 100;
  const storeMod = await loadStore();
  if (!storeMod.ok) throw new Error(storeMod.reason);
  const graph = generateGraph(BENCH_EDGES);
  const q = sampleQueries(graph);
  const agencies = graph.nodes.filter((n) => n.type === 'Agency').slice(0, 20).map((n) => n.id);
  const store = await storeMod.api.createStore(storeMod.api.storeConfigFromEnv({ ...process.env, NEO4J_GRAPH: BENCH_GRAPH }, { kind: 'neo4j' }));
  try {
    const t0 = performance.now();
    await store.loadGraph(graph);
    const loadMs = performance.now() - t0;
    const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
    const safe = (fn: (i: number) => unknown, n: number) => sample(fn, n, 10_000, 5).catch((e: unknown) => ({ error: (e as Error).message }));
    const queries: Neo4jChildResult['queries'] = {
      search: await safe((i) => store.search(at(q.terms, i)), runs),
      'neighbours depth 2': await safe((i) => store.neighbors(at(q.nodes, i), { depth: 2 }), runs),
      workload: await safe(() => store.workload(), Math.min(runs, 50)),
      trace: await safe((i) => store.trace(at(q.technologies, i)), runs),
      matrix: await safe((i) => computeMatrix(store, { agencies: [at(agencies, i), at(agencies, i + 1)] }), runs),
    };
    const enc = encodeURIComponent;
    const paths = [
      ...q.terms.slice(0, 10).map((t) => `/api/search?q=${enc(t)}`),
      ...q.nodes.slice(0, 10).map((id) => `/api/nodes/${enc(id)}/neighbors?depth=2`),
      ...q.technologies.slice(0, 5).map((t) => `/api/analysis/trace?technology=${enc(t)}`),
      '/api/analysis/workload',
    ];
    reportFromChild({ nodes: graph.nodes.length, edges: graph.edges.length, loadMs, queries, paths });
  } finally {
    await store.close();
  }
}

await main();
