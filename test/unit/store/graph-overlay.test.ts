import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../../graph/model/index.ts';
import { GraphOverlay } from '../../../graph/store/memory/graph-overlay.ts';
import { GraphState } from '../../../graph/store/memory/graph-state.ts';
import { applyDocumentReplaces } from '../../../graph/store/memory/replace-document.ts';
import { documentFragment, ids, smallGraph } from '../../fixtures/small-graph.ts';

/** The fixture's items no document cites: the graph before a.txt and b.txt are written. */
function uncited(g: GraphJson): GraphJson {
  return { nodes: g.nodes.filter((n) => n.evidence.length === 0), edges: g.edges.filter((e) => e.evidence.length === 0) };
}

describe('GraphOverlay', () => {
  it('writes documents over an indexed base and builds exactly the graph they make', () => {
    const full = smallGraph();
    const overlay = new GraphOverlay(GraphState.fromJson(uncited(full)));
    const outcomes = applyDocumentReplaces(overlay, [
      { doc: 'a.txt', fragment: documentFragment(full, 'a.txt') },
      { doc: 'b.txt', fragment: documentFragment(full, 'b.txt') },
    ]);
    expect(outcomes.every((o) => 'plan' in o)).toBe(true);
    expect([overlay.order, overlay.size]).toEqual([full.nodes.length, full.edges.length]);
    expect(overlay.toJson()).toEqual(full);
    expect(overlay.build().toJson()).toEqual(full);
    expect(overlay.node(ids.ndrc)?.evidence.map((e) => e.doc)).toEqual(full.nodes.find((n) => n.id === ids.ndrc)!.evidence.map((e) => e.doc));
  });

  it('finds what cites a document in the base and in what was written since', () => {
    const full = smallGraph();
    const base = GraphState.fromJson({ nodes: full.nodes, edges: full.edges });
    const overlay = new GraphOverlay(base);
    const cites = (doc: string) => ({
      nodes: full.nodes.filter((n) => n.evidence.some((e) => e.doc === doc)).map((n) => n.id).sort(),
      edges: full.edges.filter((e) => e.evidence.some((x) => x.doc === doc)).map((e) => e.id).sort(),
    });
    const found = (doc: string) => {
      const c = overlay.citingItems(doc);
      return { nodes: c.nodes.map((n) => n.id).sort(), edges: c.edges.map((e) => e.id).sort() };
    };
    expect(found('a.txt')).toEqual(cites('a.txt'));
    expect(found('a.txt').edges.length).toBeGreaterThan(3);
    // b.txt taken out: nothing cites it any more, and a.txt's items are still found.
    applyDocumentReplaces(overlay, [{ doc: 'b.txt', fragment: { nodes: [], edges: [] } }]);
    expect(found('b.txt')).toEqual({ nodes: [], edges: [] });
    expect(found('a.txt')).toEqual(cites('a.txt'));
    // b.txt back: found from the overlay's own notes.
    applyDocumentReplaces(overlay, [{ doc: 'b.txt', fragment: documentFragment(full, 'b.txt') }]);
    expect(found('b.txt')).toEqual(cites('b.txt'));
  });

  it('rolls back to the checkpoint: items, counts and the built graph as they were', () => {
    const full = smallGraph();
    const overlay = new GraphOverlay(GraphState.fromJson(uncited(full)));
    applyDocumentReplaces(overlay, [{ doc: 'a.txt', fragment: documentFragment(full, 'a.txt') }]);
    overlay.checkpoint();
    const committed = overlay.toJson();
    const counts = [overlay.order, overlay.size];
    applyDocumentReplaces(overlay, [
      { doc: 'b.txt', fragment: documentFragment(full, 'b.txt') },
      { doc: 'a.txt', fragment: { nodes: [], edges: [] } },
    ]);
    expect(overlay.toJson()).not.toEqual(committed);
    overlay.rollback();
    expect([overlay.order, overlay.size]).toEqual(counts);
    expect(overlay.toJson()).toEqual(committed);
    expect(overlay.build().toJson()).toEqual(committed);
  });

  it('takes away the edges at a node the replacement removed, wherever they were written', () => {
    const full = smallGraph();
    const overlay = new GraphOverlay(GraphState.fromJson(uncited(full)));
    applyDocumentReplaces(overlay, [{ doc: 'a.txt', fragment: documentFragment(full, 'a.txt') }]);
    // b.txt was never written: every node a.txt names is supported by a.txt alone.
    const onlyA = full.nodes.filter((n) => n.evidence.some((e) => e.doc === 'a.txt')).map((n) => n.id);
    expect(onlyA.length).toBe(12);
    const [outcome] = applyDocumentReplaces(overlay, [{ doc: 'a.txt', fragment: { nodes: [], edges: [] } }]);
    expect(outcome && 'plan' in outcome && outcome.plan.removeNodes.sort()).toEqual([...onlyA].sort());
    const after = overlay.toJson();
    const left = new Set(after.nodes.map((n) => n.id));
    expect(after.edges.every((e) => left.has(e.source) && left.has(e.target))).toBe(true);
    expect(after).toEqual(uncited(full));
  });
});
