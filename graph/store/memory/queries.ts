import { isResponsibilityEdge, type GraphEdge, type GraphNode } from '../../model/index.ts';
import type { SubfieldEdge, TargetEdge, TraceResponsibility } from '../../analysis/trace.ts';
import { assembleTrace, technologyTree } from '../../analysis/trace.ts';
import type { DegreeByType, Subgraph, TraceResult } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkLimit } from '../validate.ts';
import type { GraphState } from './graph-state.ts';
import { edgesAmong } from './neighbors.ts';

export function degree(state: GraphState, id: string): DegreeByType {
  const u = state.adj.index.get(id);
  if (u === undefined) throw new NotFoundError('node', id);
  const { offsets, incident, src, dst, edges } = state.adj;
  const out: DegreeByType = {};
  for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
    const e = incident[k]!;
    const d = (out[edges[e]!.type] ??= { in: 0, out: 0 });
    if (src[e] === u) d.out++;
    if (dst[e] === u) d.in++;
  }
  return out;
}

export function subgraph(state: GraphState, ids: readonly string[], options: { limit?: number } = {}): Subgraph {
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const known = [...new Set(ids)].filter((id) => state.node(id) !== undefined);
  const kept = known.slice(0, limit);
  return {
    nodes: kept.map((id) => state.node(id)!),
    edges: edgesAmong(state, new Set(kept)),
    truncated: known.length > limit,
    limit,
  };
}

/** Technology by id, else by exact name or alias among Technology nodes. */
export function resolveTechnology(state: GraphState, key: string): GraphNode {
  const byId = state.node(key);
  if (byId?.type === 'Technology') return byId;
  const matches = state.index
    .exact(key)
    .map((u) => state.adj.nodes[u] as GraphNode)
    .filter((n) => n.type === 'Technology')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const found = matches[0];
  if (!found) throw new NotFoundError('technology', key);
  return found;
}

export function trace(state: GraphState, key: string, options: { limit?: number } = {}): TraceResult {
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const technology = resolveTechnology(state, key);
  const { adj } = state;
  const nodeAt = (u: number) => adj.nodes[u]!;
  const walked = new Map<string, GraphEdge>();
  /** Each edge into `id` (id order) with its source; remembered for the subgraph. */
  const forEachInEdge = (id: string, fn: (e: GraphEdge, source: GraphNode) => void) => {
    const u = adj.index.get(id);
    if (u === undefined) return;
    for (let k = adj.offsets[u]!, end = adj.offsets[u + 1]!; k < end; k++) {
      const e = adj.incident[k]!;
      if (adj.dst[e] !== u) continue;
      walked.set(adj.edges[e]!.id, adj.edges[e]!);
      fn(adj.edges[e]!, nodeAt(adj.src[e]!));
    }
  };
  const subfields: SubfieldEdge[] = [];
  const tree = new Set([technology.id]);
  // Walk down the SUBFIELD_OF edges (child → parent) from the traced technology.
  for (const queue = [technology.id]; queue.length > 0; ) {
    const parent = queue.pop() as string;
    forEachInEdge(parent, (e, { id: child }) => {
      if (e.type !== 'SUBFIELD_OF') return;
      subfields.push({ id: e.id, child, parent });
      if (!tree.has(child)) {
        tree.add(child);
        queue.push(child);
      }
    });
  }
  const targets: TargetEdge[] = [];
  const responsibilities: TraceResponsibility[] = [];
  const tasks = new Set<string>();
  for (const tech of technologyTree(technology.id, subfields).order) {
    forEachInEdge(tech, (e, { id: task }) => {
      if (e.type !== 'TARGETS') return;
      targets.push({ id: e.id, task, technology: tech });
      tasks.add(task);
    });
  }
  for (const task of tasks) {
    const t = state.node(task)!;
    forEachInEdge(task, (e, agency) => {
      if (isResponsibilityEdge(e.type)) responsibilities.push({ id: e.id, agency, task: { id: t.id, name: t.name }, role: e.type });
    });
  }
  const a = assembleTrace(technology.id, subfields, targets, responsibilities, limit);
  const edgeIds = new Set(a.edgeIds);
  return {
    technology,
    technologies: a.technologies,
    agencies: a.agencies,
    subgraph: {
      nodes: a.nodeIds.map((id) => state.node(id)!),
      edges: [...edgeIds].map((id) => walked.get(id)!).sort((x, y) => (x.id < y.id ? -1 : 1)),
      truncated: a.truncated,
      limit,
    },
    truncated: a.truncated,
  };
}
