import type { EdgeType, GraphEdge, GraphNode, NodeType } from '../../model/index.ts';
import type { NeighborOptions, Subgraph } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkDepth, checkLimit } from '../validate.ts';
import type { GraphState } from './graph-state.ts';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Breadth-first, ignoring direction, level by level. The filters define the graph walked:
 * a node of another type is neither returned nor walked through; an edge of another type is
 * not followed. Each level is taken in id order, so a cap keeps the same nodes in both stores.
 * Edges returned: every edge passing the edge filter whose two ends were returned.
 */
export function neighbors(state: GraphState, id: string, options: NeighborOptions = {}): Subgraph {
  const depth = checkDepth(options.depth);
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const { graph } = state;
  const start = state.node(id);
  if (!start) throw new NotFoundError('node', id);
  const nodeOk: Set<NodeType> | null = options.nodeTypes?.length ? new Set(options.nodeTypes) : null;
  const edgeOk: Set<EdgeType> | null = options.edgeTypes?.length ? new Set(options.edgeTypes) : null;

  const seen = new Set<string>([id]);
  const nodes: GraphNode[] = [start];
  let frontier = [id];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
    const next = new Map<string, GraphNode>();
    for (const u of frontier) {
      graph.forEachEdge(u, (_e, attrs, s, t, sa, ta) => {
        if (edgeOk && !edgeOk.has(attrs.type)) return;
        const [v, va] = s === u ? [t, ta] : [s, sa];
        if (seen.has(v) || next.has(v) || (nodeOk && !nodeOk.has(va.type))) return;
        next.set(v, va);
      });
    }
    let level = [...next.values()];
    if (level.length > 1) level.sort(byId);
    if (nodes.length + level.length > limit) {
      level = level.slice(0, limit - nodes.length);
      truncated = true;
    }
    for (const n of level) {
      seen.add(n.id);
      nodes.push(n);
    }
    frontier = level.map((n) => n.id);
  }
  return { nodes, edges: edgesAmong(state, seen, edgeOk), truncated, limit };
}

/** Every edge (passing the filter) with both ends in `ids`; each edge once, in id order. */
export function edgesAmong(state: GraphState, ids: ReadonlySet<string>, edgeOk: ReadonlySet<EdgeType> | null = null): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const u of ids) {
    state.graph.forEachOutEdge(u, (_e, attrs, _s, t) => {
      if (ids.has(t) && (!edgeOk || edgeOk.has(attrs.type))) edges.push(attrs);
    });
  }
  return edges.sort(byId);
}
