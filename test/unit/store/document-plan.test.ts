import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../graph/model/index.ts';
import { planDocumentReplace } from '../../../graph/store/document-plan.ts';
import { InvalidInputError } from '../../../graph/store/errors.ts';

const ev = (doc: string, line = 1) => ({ doc, line, quote: 'q' });
const node = (id: string, docs: string[], props = {}): GraphNode => ({ id, type: 'Agency', name: id, aliases: [], props, evidence: docs.map((d) => ev(d)) });
const edge = (id: string, source: string, target: string, docs: string[]): GraphEdge => ({ id, type: 'LEADS', source, target, props: {}, evidence: docs.map((d) => ev(d)) });

describe('planDocumentReplace', () => {
  it('removes what only the document supported and strips its evidence from the rest', () => {
    const plan = planDocumentReplace('a', { nodes: [node('x', ['a']), node('y', ['a', 'b']), node('z', [])], edges: [edge('e', 'y', 'x', ['a'])] }, { nodes: [], edges: [] });
    expect(plan.removeNodes).toEqual(['x']);
    expect(plan.removeEdges).toEqual(['e']);
    expect(plan.upsertNodes.map((n) => [n.id, n.evidence.map((e) => e.doc)])).toEqual([['y', ['b']]]);
  });

  it('merges the new version: evidence grouped by document, props updated, new items counted', () => {
    const plan = planDocumentReplace('a', { nodes: [node('y', ['b', 'a'], { level: 'district' })], edges: [] }, {
      nodes: [node('y', ['a'], { level: 'municipal' }), node('n', ['a'])],
      edges: [edge('e2', 'n', 'y', ['a'])],
    });
    const y = plan.upsertNodes.find((n) => n.id === 'y');
    expect([y?.evidence.map((e) => e.doc), y?.props]).toEqual([['a', 'b'], { level: 'municipal' }]);
    expect([plan.nodesAdded, plan.edgesAdded, plan.removeNodes]).toEqual([1, 1, []]);
  });

  it('a node only this document supported is taken whole from the new version', () => {
    const plan = planDocumentReplace('a', { nodes: [node('x', ['a'], { old: 1 })], edges: [] }, { nodes: [node('x', ['a'], { new: 2 })], edges: [] });
    expect(plan.upsertNodes[0]?.props).toEqual({ new: 2 });
  });

  it('refuses edges to nodes that neither the graph nor the fragment has', () => {
    expect(() => planDocumentReplace('a', { nodes: [], edges: [] }, { nodes: [node('n', ['a'])], edges: [edge('e', 'n', 'ghost', ['a'])] })).toThrow(InvalidInputError);
  });
});
