import type { GraphPath } from '../store/types.ts';

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One order for paths in both stores: shorter first, then step by step by the next node id and
 * the edge id taken to reach it. The embedded store's depth-first walk over sorted neighbours
 * produces exactly this order, so it can stop after `max` paths.
 */
export function comparePaths(a: GraphPath, b: GraphPath): number {
  if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
  for (let i = 0; i < a.edges.length; i++) {
    const byNode = cmpStr(a.nodes[i + 1] as string, b.nodes[i + 1] as string);
    if (byNode) return byNode;
    const byEdge = cmpStr(a.edges[i] as string, b.edges[i] as string);
    if (byEdge) return byEdge;
  }
  return 0;
}

/** Keep the first `max` paths in the shared order; report whether more existed. */
export function selectPaths(paths: readonly GraphPath[], max: number): { paths: GraphPath[]; truncated: boolean } {
  const sorted = [...paths].sort(comparePaths);
  return { paths: sorted.slice(0, max), truncated: sorted.length > max };
}
