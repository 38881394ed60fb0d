import type { GraphEdge, GraphNode } from '../../model/index.ts';
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
      plan = planDocumentReplace(doc, { nodes: [...beforeNodes.values()], edges: [...beforeEdges.values()] }, fragment);
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
