import type { GraphEdge, GraphNode } from '../../model/index.ts';
import type { NeighborOptions, Subgraph } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkDepth, checkLimit } from '../validate.ts';
import { EDGE_TYPE_CODE, NODE_TYPE_CODE, typeMask } from './adjacency.ts';
import type { GraphState } from './graph-state.ts';

/**
 * Breadth-first, ignoring direction, level by level. The filters define the graph walked:
 * a node of another type is neither returned nor walked through; an edge of another type is
 * not followed. Each level is taken in id order, so a cap keeps the same nodes in both stores.
 * Edges returned: every edge passing the edge filter whose two ends were returned.
 */
export function neighbors(state: GraphState, id: string, options: NeighborOptions = {}): Subgraph {
  const depth = checkDepth(options.depth);
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const adj = state.adj;
  const start = adj.index.get(id);
  if (start === undefined) throw new NotFoundError('node', id);
  const nodeMask = typeMask(NODE_TYPE_CODE, options.nodeTypes);
  const edgeMask = typeMask(EDGE_TYPE_CODE, options.edgeTypes);
  const { offsets, incident, mark, edgeType, nodeType } = adj;

  const stamp = adj.nextStamp();
  mark[start] = stamp;
  const members = [start];
  let frontier = [start];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
    let next: number[] = [];
    for (const u of frontier) {
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        const e = incident[k]!;
        if (edgeMask && !edgeMask[edgeType[e]!]) continue;
        const v = adj.other(e, u);
        if (mark[v] === stamp || (nodeMask && !nodeMask[nodeType[v]!])) continue;
        mark[v] = stamp;
        next.push(v);
      }
    }
    next.sort((a, b) => a - b);
    if (members.length + next.length > limit) {
      for (const v of next.slice(limit - members.length)) mark[v] = 0;
      next = next.slice(0, limit - members.length);
      truncated = true;
    }
    for (const v of next) members.push(v);
    frontier = next;
  }
  return { nodes: members.map((u) => adj.nodes[u] as GraphNode), edges: adj.edgesAmong(members, stamp, edgeMask), truncated, limit };
}

/** Every edge with both ends among `ids` (unknown ids ignored), in id order. */
export function edgesAmong(state: GraphState, ids: Iterable<string>): GraphEdge[] {
  const adj = state.adj;
  const stamp = adj.nextStamp();
  const members: number[] = [];
  for (const id of ids) {
    const u = adj.index.get(id);
    if (u !== undefined && adj.mark[u] !== stamp) {
      adj.mark[u] = stamp;
      members.push(u);
    }
  }
  return adj.edgesAmong(members, stamp, null);
}
