import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../graph/model/index.ts';
import { EDGE_TYPES, NODE_TYPES } from '../../../graph/model/index.ts';
import { InvalidInputError } from '../../../graph/store/errors.ts';
import type { Query, Row } from '../../../graph/store/neo4j/connection.ts';
import { label, nodeRow, relType, toNode } from '../../../graph/store/neo4j/records.ts';
import { BATCH_SIZE, loadAll, upsertNodes } from '../../../graph/store/neo4j/writes.ts';
import { smallGraph } from '../../fixtures/small-graph.ts';

// No Neo4j here: these check what the adapter sends, with a recording stand-in for a transaction.

interface Call { cypher: string; params: Record<string, unknown> }
function recorder(answer: (call: Call) => Row[] = () => []): { q: Query; calls: Call[] } {
  const calls: Call[] = [];
  const q: Query = Object.assign(
    async (cypher: string, params: Record<string, unknown> = {}) => {
      calls.push({ cypher, params });
      return answer({ cypher, params });
    },
    { label: 'policy_graph' },
  );
  return { q, calls };
}
/** Counting statements answer "all rows written" so loads go through. */
const countsAll = ({ params }: Call): Row[] => [{ c: Array.isArray(params['rows']) ? params['rows'].length : 0 }];

describe('Neo4j statements', () => {
  it('a load sends every value as a parameter: no id, name or quote appears in the Cypher text', async () => {
    const g = smallGraph();
    const { q, calls } = recorder(countsAll);
    await loadAll(q, g);
    const text = calls.map((c) => c.cypher).join('\n');
    for (const n of g.nodes) expect(text).not.toContain(n.name);
    for (const e of g.edges) for (const ev of e.evidence) expect(text).not.toContain(ev.quote);
    // Labels and relationship types in the text are only the model's.
    const labels = [...text.matchAll(/\((?:\w+)?:(\w+)/g)].map((m) => m[1]);
    expect(labels.every((l) => l === 'policy_graph' || l === 'PolicyGraphMeta' || (NODE_TYPES as readonly string[]).includes(l as string))).toBe(true);
    const rels = [...text.matchAll(/\[\w*:(\w+)/g)].map((m) => m[1]);
    expect(rels.length).toBeGreaterThan(0);
    expect(rels.every((r) => (EDGE_TYPES as readonly string[]).includes(r as string))).toBe(true);
    expect(calls.filter((c) => c.cypher.startsWith('UNWIND $rows') && c.cypher.includes('MERGE')).length).toBeGreaterThan(0);
  });

  it('batches MERGE rows by the thousand, one statement per label', async () => {
    const nodes: GraphNode[] = Array.from({ length: 2 * BATCH_SIZE + 500 }, (_, i) => ({ id: `task:${i}`, type: 'Task', name: `t${i}`, aliases: [], props: {}, evidence: [] }));
    const { q, calls } = recorder();
    await upsertNodes(q, nodes);
    expect(BATCH_SIZE).toBeGreaterThanOrEqual(1000);
    expect(calls.map((c) => (c.params['rows'] as unknown[]).length)).toEqual([BATCH_SIZE, BATCH_SIZE, 500]);
    expect(new Set(calls.map((c) => c.cypher)).size).toBe(1);
    expect(calls[0]?.cypher).toContain('MERGE (n:policy_graph {id: row.id}) ON CREATE SET n:Task');
  });

  it('refuses a label or relationship type outside the allow-list', () => {
    expect(() => label('Agency) DETACH DELETE (x')).toThrow(InvalidInputError);
    expect(() => relType('LEADS]->() DELETE r//')).toThrow(InvalidInputError);
    expect(label('Agency')).toBe('Agency');
  });

  it('stores props and evidence so the same node comes back', () => {
    const node = smallGraph().nodes.find((n) => n.type === 'Task' && n.props['deadlines'])!;
    expect(toNode(nodeRow(node))).toEqual(node);
  });
});
