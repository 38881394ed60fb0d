import type { GraphEdge, GraphJson, GraphNode } from '../../model/index.ts';
import type { DocumentPlan } from '../document-plan.ts';
import { planDocumentReplace } from '../document-plan.ts';
import type { DocumentReplacement } from '../types.ts';
import type { GraphOverlay } from './graph-overlay.ts';

export type ReplaceOutcome = { plan: DocumentPlan; dangling: number } | { error: Error };

/**
 * Replaces each document of `batch` in turn, in `overlay`, with what each replacement changed.
 * Only what a document touches is looked at — the items its fragment names, the items citing it,
 * and when it takes nodes away, the edges at those nodes — so a write costs what it changes,
 * not the size of the graph. A document whose plan fails (an edge to an unknown node) is left
 * out and the others go on.
 */
export function applyDocumentReplaces(overlay: GraphOverlay, batch: readonly DocumentReplacement[]): ReplaceOutcome[] {
  return batch.map(({ doc, fragment }): ReplaceOutcome => {
    shareStrings(overlay, doc, fragment);
    const beforeNodes = new Map<string, GraphNode>();
    const beforeEdges = new Map<string, GraphEdge>();
    const cited = overlay.citingItems(doc);
    for (const n of cited.nodes) beforeNodes.set(n.id, n);
    for (const e of cited.edges) beforeEdges.set(e.id, e);
    const pickNode = (id: string) => {
      const n = beforeNodes.has(id) ? undefined : overlay.node(id);
      if (n) beforeNodes.set(id, n);
    };
    for (const n of fragment.nodes) pickNode(n.id);
    for (const e of fragment.edges) {
      pickNode(e.source);
      pickNode(e.target);
      const old = beforeEdges.has(e.id) ? undefined : overlay.edge(e.id);
      if (old) beforeEdges.set(e.id, old);
    }
    let plan: DocumentPlan;
    try {
      plan = planDocumentReplace(doc, { nodes: [...beforeNodes.values()], edges: [...beforeEdges.values()] }, fragment, overlay.scratch);
    } catch (err) {
      return { error: err as Error };
    }
    for (const id of plan.removeNodes) overlay.setNode(id, null);
    for (const id of plan.removeEdges) overlay.setEdge(id, null);
    for (const n of plan.upsertNodes) overlay.setNode(n.id, n);
    for (const e of plan.upsertEdges) overlay.setEdge(e.id, e);
    overlay.noteCiting(doc, fragment.nodes, fragment.edges);
    let dangling = 0;
    if (plan.removeNodes.length > 0) {
      // An edge another document supports still goes when one of its ends went.
      for (const e of overlay.edgesAt(new Set(plan.removeNodes))) {
        overlay.setEdge(e.id, null);
        dangling++;
      }
    }
    return { plan, dangling };
  });
}

/**
 * Points the fragment's repeated strings at one copy each: its evidence at the document's name,
 * its edges' ends at their nodes' ids. A fragment from another thread or from a parse brings a
 * fresh copy of each, and a large graph kept them all (about a fifth of its memory).
 */
function shareStrings(overlay: GraphOverlay, doc: string, fragment: GraphJson): void {
  const own = new Map<string, string>();
  for (const n of fragment.nodes) {
    own.set(n.id, n.id);
    for (const e of n.evidence) if (e.doc === doc) e.doc = doc;
  }
  const idOf = (id: string) => own.get(id) ?? overlay.node(id)?.id ?? id;
  for (const e of fragment.edges) {
    e.source = idOf(e.source);
    e.target = idOf(e.target);
    for (const x of e.evidence) if (x.doc === doc) x.doc = doc;
  }
}
