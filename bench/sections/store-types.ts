import type { Sampled } from '../stats.ts';

// Shared by the store section and its child process (which must not be imported: it runs on load).
export const QUERY_NAMES = ['search', 'neighbors2', 'shortestPath', 'workload', 'trace'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export interface StoreChildResult {
  kind: string;
  size: string;
  nodes: number;
  edges: number;
  loadMs: number;
  elementsPerSec: number;
  /** Median/p95 per query, or the error the query threw. */
  queries: Record<QueryName, Sampled | { error: string }>;
  maxRssMb: number;
}
