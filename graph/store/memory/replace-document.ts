import type { GraphEdge, GraphJson, GraphNode } from '../../model/index.ts';
import type { DocumentPlan } from '../document-plan.ts';
import { planDocumentReplace } from '../document-plan.ts';
import type { DocumentReplacement } from '../types.ts';
import type { GraphState } from './graph-state.ts';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two id-sorted lists as one: a replacement adds few items to many, so no full re-sort. */
function mergeSorted<T extends { id: string }>(kept: T[], added: T[]): T[] {
  if (added.length === 0) return kept;
  added.sort(byId);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < added.length) {
    if (j >= added.length || (i < kept.length && (kept[i] as T).id < (added[j] as T).id)) out.push(kept[i++] as T);
    else out.push(added[j++] as T);
  }
  return out;
}

export type ReplaceOutcome = { plan: DocumentPlan; dangling: number } | { error: Error };

/** Ids of the items whose evidence cites each of `docs`, from one pass over the graph. */
function citingIds(items: Iterable<GraphNode | GraphEdge>, docs: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map([...docs].map((d) => [d, new Set<string>()]));
  for (const x of items) for (const e of x.evidence) out.get(e.doc)?.add(x.id);
  return out;
}

/**
 * The graph after replacing each document of `batch` in turn, in id order, with what each
 * replacement changed. The graph is copied and indexed once per batch, not once per document:
 * ingesting many documents is then linear in the graph, not quadratic. A document whose plan
 * fails (an edge to an unknown node) is left out and the others go on.
 */
export function applyDocumentReplaces(state: GraphState, batch: readonly DocumentReplacement[]): { graph: GraphJson; outcomes: ReplaceOutcome[] } {
  const all = { nodes: state.adj.nodes, edges: state.adj.edges }; // read only: no copy
  const nodes = new Map<string, GraphNode>();
  for (const n of all.nodes) nodes.set(n.id, n);
  const edges = new Map<string, GraphEdge>();
  for (const e of all.edges) edges.set(e.id, e);
  const docs = new Set(batch.map((b) => b.doc));
  const nodeCiting = citingIds(all.nodes, docs);
  const edgeCiting = citingIds(all.edges, docs);
  const note = (index: Map<string, Set<string>>, item: GraphNode | GraphEdge) => {
    for (const e of item.evidence) index.get(e.doc)?.add(item.id);
  };

  // Ids set into the maps where they were not (new, or dropped earlier in the batch): they sit
  // at the maps' ends, out of id order; every other entry is still where the graph had it.
  const appendedNodes = new Set<string>();
  const appendedEdges = new Set<string>();
  const outcomes = batch.map(({ doc, fragment }): ReplaceOutcome => {
    const touched = new Set([...fragment.nodes.map((n) => n.id), ...fragment.edges.flatMap((e) => [e.id, e.source, e.target])]);
    const pick = <T>(map: Map<string, T>, ids: Iterable<string>, out: Map<string, T>) => {
      for (const id of ids) {
        const x = map.get(id);
        if (x) out.set(id, x);
      }
    };
    const beforeNodes = new Map<string, GraphNode>();
    const beforeEdges = new Map<string, GraphEdge>();
    pick(nodes, touched, beforeNodes);
    pick(nodes, nodeCiting.get(doc)!, beforeNodes);
    pick(edges, touched, beforeEdges);
    pick(edges, edgeCiting.get(doc)!, beforeEdges);
    let plan: DocumentPlan;
    try {
      plan = planDocumentReplace(doc, { nodes: [...beforeNodes.values()], edges: [...beforeEdges.values()] }, fragment);
    } catch (err) {
      return { error: err as Error };
    }
    for (const id of plan.removeNodes) nodes.delete(id);
    for (const id of plan.removeEdges) edges.delete(id);
    for (const n of plan.upsertNodes) {
      if (!nodes.has(n.id)) appendedNodes.add(n.id);
      nodes.set(n.id, n);
    }
    for (const e of plan.upsertEdges) {
      if (!edges.has(e.id)) appendedEdges.add(e.id);
      edges.set(e.id, e);
    }
    // What an upsert cites beyond what it cited before comes from the fragment: note only that.
    for (const n of fragment.nodes) note(nodeCiting, n);
    for (const e of fragment.edges) note(edgeCiting, e);
    let dangling = 0;
    if (plan.removeNodes.length > 0) {
      // An edge another document supports still goes when one of its ends went.
      const gone = new Set(plan.removeNodes);
      for (const [id, e] of edges) {
        if (gone.has(e.source) || gone.has(e.target)) {
          edges.delete(id);
          dangling++;
        }
      }
    }
    return { plan, dangling };
  });

  // Map order is first-insertion order: the entries never appended are still in id order.
  const split = <T extends { id: string }>(map: Map<string, T>, appended: ReadonlySet<string>): [T[], T[]] => {
    const kept: T[] = [];
    const added: T[] = [];
    for (const x of map.values()) (appended.has(x.id) ? added : kept).push(x);
    return [kept, added];
  };
  const [keptNodes, newNodes] = split(nodes, appendedNodes);
  const [keptEdges, newEdges] = split(edges, appendedEdges);
  return { graph: { nodes: mergeSorted(keptNodes, newNodes), edges: mergeSorted(keptEdges, newEdges) }, outcomes };
}
