import type { GraphNode } from '../../model/index.ts';
import type { GraphPath, PathOptions, PathsResult } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkMaxLength, checkMaxPaths } from '../validate.ts';
import { EDGE_TYPE_CODE, typeMask } from './adjacency.ts';
import type { GraphState } from './graph-state.ts';
import { edgesAmong } from './neighbors.ts';
import { distancesToTarget } from './bidirectional.ts';

/**
 * Shortest paths ignoring direction: breadth-first search from both ends gives each node on a
 * shortest path its distance to `to` (bidirectional.ts), then a depth-first walk from `from`
 * over steps that bring it one closer, taken in (node id, edge id) order, yields paths in the
 * shared order (analysis/paths.ts); it stops after `max` + 1 paths, enough to know about truncation.
 */
export function shortestPaths(state: GraphState, from: string, to: string, options: PathOptions = {}): PathsResult {
  const max = checkMaxPaths(options.max);
  const maxLength = checkMaxLength(options.maxLength);
  const adj = state.adj;
  const a = adj.index.get(from);
  const b = adj.index.get(to);
  if (a === undefined) throw new NotFoundError('node', from);
  if (b === undefined) throw new NotFoundError('node', to);
  const edgeMask = typeMask(EDGE_TYPE_CODE, options.edgeTypes);
  const { offsets, incident, mark, dist, edgeType } = adj;

  const stamp = adj.nextStamp();
  const found = distancesToTarget(adj, a, b, maxLength, edgeMask, stamp) >= 0;

  const paths: GraphPath[] = [];
  if (found) {
    const nodes = [a];
    const edges: number[] = [];
    const walk = (u: number): void => {
      const d = dist[u]!;
      if (d === 0) {
        paths.push({ nodes: nodes.map((x) => (adj.nodes[x] as GraphNode).id), edges: edges.map((e) => adj.edges[e]!.id) });
        return;
      }
      const steps: [number, number][] = [];
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        const e = incident[k]!;
        if (edgeMask && !edgeMask[edgeType[e]!]) continue;
        const v = adj.other(e, u);
        if (mark[v] === stamp && dist[v] === d - 1) steps.push([v, e]);
      }
      steps.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (const [v, e] of steps) {
        nodes.push(v);
        edges.push(e);
        walk(v);
        nodes.pop();
        edges.pop();
        if (paths.length > max) return;
      }
    };
    walk(a);
  }
  const truncated = paths.length > max;
  const kept = paths.slice(0, max);
  const ids = new Set(kept.flatMap((p) => p.nodes));
  const edgeIds = new Set(kept.flatMap((p) => p.edges));
  return {
    paths: kept,
    subgraph: {
      nodes: [...ids].map((id) => state.node(id)).filter((n) => n !== undefined),
      edges: edgesAmong(state, ids).filter((e) => edgeIds.has(e.id)),
      truncated: false,
      limit: DEFAULT_LIMIT,
    },
    truncated,
  };
}
