import { describe, expect, it } from 'vitest';
import { edgeId, type GraphEdge, type GraphNode } from '../../graph/model/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';

// One write of several documents (a re-read after a merge, a batch of updates): a fact the first
// document drops and a later one brings back must end up in id order with the others — the
// store's lists are kept sorted, and exports are byte-identical only if they are.

const ev = (doc: string) => [{ doc, line: 1, quote: '甲' }];
const node = (id: string, type: GraphNode['type'], doc: string): GraphNode => ({ id, type, name: id.split(':')[1]!, aliases: [], props: {}, evidence: ev(doc) });
const leads = (task: string, doc: string): GraphEdge => ({ id: edgeId('LEADS', 'agency:甲', task), type: 'LEADS', source: 'agency:甲', target: task, props: {}, evidence: ev(doc) });
const ids = (list: { id: string }[]) => list.map((x) => x.id);
const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('a batch that drops a fact and brings it back', () => {
  it('keeps nodes and edges in id order', async () => {
    const store = new MemoryGraphStore(null);
    await store.loadGraph({
      nodes: [node('agency:甲', 'Agency', 'a.txt'), node('task:1', 'Task', 'a.txt'), node('task:2', 'Task', 'x.txt'), node('task:3', 'Task', 'a.txt')],
      edges: [leads('task:1', 'a.txt'), leads('task:2', 'x.txt'), leads('task:3', 'a.txt')],
    });
    const results = await store.replaceDocuments([
      { doc: 'x.txt', fragment: { nodes: [], edges: [] } }, // task:2 and its edge go
      { doc: 'y.txt', fragment: { nodes: [node('agency:甲', 'Agency', 'y.txt'), node('task:2', 'Task', 'y.txt')], edges: [leads('task:2', 'y.txt')] } },
    ]);
    expect(results.filter((r) => r instanceof Error)).toEqual([]);
    const graph = await store.exportGraph();
    expect(ids(graph.nodes)).toEqual(sorted(ids(graph.nodes)));
    expect(ids(graph.edges)).toEqual(sorted(ids(graph.edges)));
    expect(graph.edges.find((e) => e.target === 'task:2')?.evidence.map((e) => e.doc)).toEqual(['y.txt']);
  });
});
