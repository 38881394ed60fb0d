import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../../graph/model/index.ts';
import { storeConfigFromEnv } from '../../../graph/store/create-store.ts';
import { InvalidInputError } from '../../../graph/store/errors.ts';
import { workload, trace } from '../../../graph/store/neo4j/analyses.ts';
import type { Query, Row } from '../../../graph/store/neo4j/connection.ts';
import { DEFAULT_GRAPH, graphLabel } from '../../../graph/store/neo4j/namespace.ts';
import * as reads from '../../../graph/store/neo4j/reads.ts';
import { bumpRevision, deleteAll, loadAll, replaceDoc } from '../../../graph/store/neo4j/writes.ts';
import { smallGraph } from '../../fixtures/small-graph.ts';

function recorder(label: string, answer: (cypher: string, params: Record<string, unknown>) => Row[] = () => []): { q: Query; texts: string[] } {
  const texts: string[] = [];
  const q = Object.assign(
    async (cypher: string, params: Record<string, unknown> = {}) => {
      texts.push(cypher);
      return answer(cypher, params);
    },
    { label },
  );
  return { q, texts };
}

describe('NEO4J_GRAPH: the label of one graph', () => {
  it('defaults to policy_graph and takes a plain name', () => {
    const base = { NEO4J_URI: 'bolt://db:7687' };
    expect(DEFAULT_GRAPH).toBe('policy_graph');
    expect(storeConfigFromEnv(base)).toMatchObject({ kind: 'neo4j', graph: 'policy_graph' });
    expect(storeConfigFromEnv({ ...base, NEO4J_GRAPH: ' team_b ' })).toMatchObject({ graph: 'team_b' });
    expect(storeConfigFromEnv({ ...base, NEO4J_GRAPH: '' })).toMatchObject({ graph: 'policy_graph' });
  });

  it('refuses anything that is not a letter followed by letters, digits or _, in one line naming NEO4J_GRAPH', () => {
    for (const bad of ['team-b', '1team', 'x) DETACH DELETE (n', 'a`b', 'g:Agency', 'ünicode', 'a'.repeat(64)]) {
      expect(() => graphLabel(bad), bad).toThrow(InvalidInputError);
      expect(() => storeConfigFromEnv({ NEO4J_URI: 'bolt://db:7687', NEO4J_GRAPH: bad })).toThrow(/^NEO4J_GRAPH must be a letter followed by up to 62 letters, digits or _/);
    }
  });

  it("refuses the model's own labels, in any case", () => {
    for (const name of [...NODE_TYPES, 'agency', 'ENTITY', 'PolicyGraphMeta']) {
      expect(() => graphLabel(name), name).toThrow(`NEO4J_GRAPH may not be "${name}": that label is the model's own`);
    }
  });

  it('an embedded store never reads it', () => {
    expect(storeConfigFromEnv({ NEO4J_GRAPH: 'bad-name' })).toEqual({ kind: 'memory', dataDir: 'data' });
  });
});

describe('every statement is scoped to the graph label', () => {
  it('reads, analyses and writes of graph team_b name only team_b, the model labels and the revision label', async () => {
    const { q, texts } = recorder('team_b', (_c, params) => (Array.isArray(params['rows']) ? [{ c: params['rows'].length }] : []));
    const g = smallGraph();
    await bumpRevision(q);
    await loadAll(q, g);
    await replaceDoc(q, 'x.txt', { nodes: [], edges: [] });
    await deleteAll(q);
    await reads.counts(q);
    await reads.search(q, '局', undefined, 5);
    await reads.revision(q);
    await reads.neighbors(q, 'a', { depth: 3 }).catch(() => undefined);
    await reads.degree(q, 'a').catch(() => undefined);
    await reads.exportAll(q);
    await workload(q);
    await trace(q, 'x').catch(() => undefined);
    const labels = new Set(texts.flatMap((t) => [...t.matchAll(/\(\w*:(\w+)/g)].map((m) => m[1])));
    expect(labels.has('team_b')).toBe(true);
    expect([...labels].every((l) => l === 'team_b' || l === 'PolicyGraphMeta' || (NODE_TYPES as readonly string[]).includes(l as string))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/policy_graph|:Entity\b/);
    // Every lookup by id is under the graph label: the same id in another graph is never reached.
    const lookups = texts.flatMap((t) => [...t.matchAll(/\(\w*:(\w+) \{id: /g)].map((m) => m[1]));
    expect(lookups.length).toBeGreaterThan(5);
    expect(new Set(lookups)).toEqual(new Set(['team_b']));
  });
});
