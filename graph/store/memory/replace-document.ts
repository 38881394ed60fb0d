import type { GraphEdge, GraphJson, GraphNode } from '../../model/index.ts';
import type { DocumentPlan } from '../document-plan.ts';
import { planDocumentReplace } from '../document-plan.ts';
import type { GraphState } from './graph-state.ts';

const cites = (doc: string) => (x: GraphNode | GraphEdge) => x.evidence.some((e) => e.doc === doc);
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

/**
 * The graph after replacing `doc` with `fragment`, in id order, plus what changed. Only the items
 * the document touches go through the shared plan (document-plan.ts); the rest is kept as is.
 */
export function applyDocumentReplace(state: GraphState, doc: string, fragment: GraphJson): { graph: GraphJson; plan: DocumentPlan; dangling: number } {
  const all = state.toJson();
  const touchedIds = new Set([...fragment.nodes.map((n) => n.id), ...fragment.edges.flatMap((e) => [e.id, e.source, e.target])]);
  const before: GraphJson = {
    nodes: all.nodes.filter((n) => touchedIds.has(n.id) || cites(doc)(n)),
    edges: all.edges.filter((e) => touchedIds.has(e.id) || cites(doc)(e)),
  };
  const plan = planDocumentReplace(doc, before, fragment);
  const goneNodes = new Set(plan.removeNodes);
  const goneEdges = new Set(plan.removeEdges);
  const newNodes = new Map(plan.upsertNodes.map((n) => [n.id, n]));
  const newEdges = new Map(plan.upsertEdges.map((e) => [e.id, e]));
  const nodes: GraphNode[] = [];
  for (const n of all.nodes) {
    if (goneNodes.has(n.id)) continue;
    nodes.push(newNodes.get(n.id) ?? n);
    newNodes.delete(n.id);
  }
  let dangling = 0;
  const edges: GraphEdge[] = [];
  for (const e of all.edges) {
    if (goneEdges.has(e.id)) continue;
    const next = newEdges.get(e.id) ?? e;
    newEdges.delete(e.id);
    // An edge another document supports still goes when one of its ends went.
    if (goneNodes.has(next.source) || goneNodes.has(next.target)) dangling++;
    else edges.push(next);
  }
  return { graph: { nodes: mergeSorted(nodes, [...newNodes.values()]), edges: mergeSorted(edges, [...newEdges.values()]) }, plan, dangling };
}
