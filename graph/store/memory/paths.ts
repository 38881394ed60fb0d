import type { EdgeType } from '../../model/index.ts';
import type { GraphPath, PathOptions, PathsResult } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkMaxLength, checkMaxPaths } from '../validate.ts';
import type { GraphState } from './graph-state.ts';
import { edgesAmong } from './neighbors.ts';

interface Step { node: string; edge: string }
const byStep = (a: Step, b: Step) => (a.node < b.node ? -1 : a.node > b.node ? 1 : a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0);

/**
 * Shortest paths ignoring direction: breadth-first from `to` gives each node its distance,
 * then a depth-first walk from `from` over sorted steps that bring it one closer yields paths
 * in the shared order (analysis/paths.ts), stopping after `max` + 1 to know about truncation.
 */
export function shortestPaths(state: GraphState, from: string, to: string, options: PathOptions = {}): PathsResult {
  const max = checkMaxPaths(options.max);
  const maxLength = checkMaxLength(options.maxLength);
  for (const id of [from, to]) if (!state.node(id)) throw new NotFoundError('node', id);
  const edgeOk: Set<EdgeType> | null = options.edgeTypes?.length ? new Set(options.edgeTypes) : null;
  const { graph } = state;

  const steps = (u: string): Step[] => {
    const out: Step[] = [];
    graph.forEachEdge(u, (edge, attrs, s, t) => {
      if (!edgeOk || edgeOk.has(attrs.type)) out.push({ node: s === u ? t : s, edge });
    });
    return out;
  };

  const dist = new Map<string, number>([[to, 0]]);
  let frontier = [to];
  for (let d = 1; d <= maxLength && !dist.has(from) && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const { node } of steps(u)) {
        if (!dist.has(node)) {
          dist.set(node, d);
          next.push(node);
        }
      }
    }
    frontier = next;
  }

  const paths: GraphPath[] = [];
  const total = dist.get(from);
  if (total !== undefined) {
    const nodes = [from];
    const edges: string[] = [];
    const walk = (u: string, d: number): void => {
      if (paths.length > max) return;
      if (d === 0) {
        paths.push({ nodes: [...nodes], edges: [...edges] });
        return;
      }
      for (const s of steps(u).filter((x) => dist.get(x.node) === d - 1).sort(byStep)) {
        nodes.push(s.node);
        edges.push(s.edge);
        walk(s.node, d - 1);
        nodes.pop();
        edges.pop();
        if (paths.length > max) return;
      }
    };
    walk(from, total);
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
