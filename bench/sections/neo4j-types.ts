import type { Sampled } from '../stats.ts';

// Shared by the Neo4j section and its child processes (which must not be imported: they run on load).

/** The graph the Neo4j bench writes: never the one NEO4J_GRAPH names for the app. */
export const BENCH_GRAPH = 'pg_bench';
export const BENCH_EDGES = 100_000;

export const NEO4J_QUERIES = ['search', 'neighbours depth 2', 'workload', 'trace', 'matrix'] as const;
export type Neo4jQuery = (typeof NEO4J_QUERIES)[number];

export interface Neo4jChildResult {
  nodes: number;
  edges: number;
  loadMs: number;
  queries: Record<Neo4jQuery, Sampled | { error: string }>;
  /** Paths the HTTP run repeats: answered from the response cache once the revision is known. */
  paths: string[];
}
