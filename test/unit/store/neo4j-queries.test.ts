import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson, GraphNode } from '../../../graph/model/index.ts';
import { RESPONSIBILITY_EDGE_TYPES } from '../../../graph/model/index.ts';
import { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import type { Query, Row } from '../../../graph/store/neo4j/connection.ts';
import { TRACE_CYPHER, WORKLOAD_CYPHER, foldWorkload, trace, workload } from '../../../graph/store/neo4j/analyses.ts';
import { SEARCH_CYPHER, counts, neighbors, neighborsCypher, search } from '../../../graph/store/neo4j/reads.ts';
import { edgeRow, nodeRow } from '../../../graph/store/neo4j/records.ts';
import type { AgencyWorkload, WorkloadOptions } from '../../../graph/store/types.ts';
import { seedGraph } from '../../contract/seed-graph.ts';

// No Neo4j here. Each explorer query is ONE statement; these check its text and parameters, and
// that what the adapter makes of the rows such a statement returns (built here from the real
// seed graph, grouped the way the statement groups) equals the embedded store's answer.

interface Call { cypher: string; params: Record<string, unknown> }
function recorder(answer: (call: Call) => Row[]): { q: Query; calls: Call[] } {
  const calls: Call[] = [];
  const q = Object.assign(
    async (cypher: string, params: Record<string, unknown> = {}) => {
      calls.push({ cypher, params });
      return answer({ cypher, params });
    },
    { label: 'policy_graph' },
  );
  return { q, calls };
}

const NODE_KEYS = ['id', 'type', 'name', 'aliases', 'props_json', 'evidence_json'] as const;
const nodeMap = (n: GraphNode) => Object.fromEntries(NODE_KEYS.map((k) => [k, nodeRow(n)[k]]));
const edgeMap = (e: GraphJson['edges'][number]) => ({ ...edgeRow(e), type: e.type });
const isDuty = (t: string) => (RESPONSIBILITY_EDGE_TYPES as readonly string[]).includes(t);

let graph: GraphJson;
let memory: MemoryGraphStore;
let byId: Map<string, GraphNode>;
beforeAll(async () => {
  graph = await seedGraph();
  memory = await MemoryGraphStore.open(null);
  await memory.loadGraph(graph);
  byId = new Map(graph.nodes.map((n) => [n.id, n]));
});

/** The rows WORKLOAD_CYPHER returns, computed from the stored properties the statement reads. */
function workloadRows(options: WorkloadOptions): Row[] {
  const agencies = new Map<string, { row: Row; groups: Map<string, unknown[]> }>();
  for (const e of graph.edges) {
    if (!isDuty(e.type)) continue;
    const a = nodeRow(byId.get(e.source)!);
    const t = nodeRow(byId.get(e.target)!);
    if (a.type !== 'Agency' || (!options.includeCollective && a.collective) || (options.level && a.level !== options.level)) continue;
    const r = edgeRow(e);
    const docs = r.docs.length > 0 ? r.docs : [t.doc ?? 'unknown'];
    if (options.doc && !docs.includes(options.doc)) continue;
    const entry = agencies.get(a.id) ?? { row: { id: a.id, name: a.name, props_json: a.props_json }, groups: new Map() };
    agencies.set(a.id, entry);
    const key = JSON.stringify([e.type, t.kind, t.due_year ?? 'none', docs]);
    const g = entry.groups.get(key) ?? [e.type, t.kind, t.due_year ?? 'none', docs, 0];
    g[4] = (g[4] as number) + 1;
    entry.groups.set(key, g);
  }
  return [...agencies.values()].map(({ row, groups }) => ({ ...row, groups: [...groups.values()] }));
}

describe('Neo4j workload: one aggregating statement', () => {
  it('sends one statement over the model\'s responsibility types, with the filters as parameters', async () => {
    const { q, calls } = recorder(() => []);
    await workload(q, { level: 'district', doc: 'a.txt' });
    expect(calls).toEqual([{ cypher: WORKLOAD_CYPHER('policy_graph'), params: { includeCollective: false, level: 'district', doc: 'a.txt' } }]);
    expect(calls[0]?.cypher).toContain(`-[r:${RESPONSIBILITY_EDGE_TYPES.join('|')}]->`);
    expect(calls[0]?.cypher).toContain('count(*) AS c');
  });

  it.each<[string, WorkloadOptions]>([
    ['no filter', {}],
    ['collective phrases included', { includeCollective: true }],
    ['district level', { level: 'district' }],
    ['one document', { doc: '000_2ebb2acb91732bad.txt' }],
  ])('the grouped rows fold to the embedded store\'s answer (%s)', async (_name, options) => {
    const rows = workloadRows(options);
    const { q } = recorder(() => rows);
    const expected: AgencyWorkload[] = await memory.workload(options);
    expect(expected.length).toBeGreaterThan(0);
    expect(await workload(q, options)).toEqual(expected);
  });

  it('a group of a role the adapter does not know is skipped, not miscounted', () => {
    const w = foldWorkload({ id: 'agency:x', name: 'x', props_json: '{}', groups: [['UNKNOWN', 'tableRow', '2025', ['a.txt'], 3], ['LEADS', 'tableRow', '2025', ['a.txt'], 2]] });
    expect([w.rows, w.byDoc, w.byYear]).toEqual([{ led: 2, cooperated: 0, responsible: 0 }, { 'a.txt': { led: 2, cooperated: 0, responsible: 0 } }, { '2025': { led: 2, cooperated: 0, responsible: 0 } }]);
  });
});

/** The one row TRACE_CYPHER returns for `root`. */
function traceRow(root: GraphNode): Row {
  const techs = [root.id];
  for (let i = 0; i < techs.length; i++) for (const e of graph.edges) if (e.type === 'SUBFIELD_OF' && e.target === techs[i] && !techs.includes(e.source)) techs.push(e.source);
  const subfields = graph.edges.filter((e) => e.type === 'SUBFIELD_OF' && techs.includes(e.target));
  const targets = graph.edges.filter((e) => e.type === 'TARGETS' && techs.includes(e.target));
  const tasks = [...new Set(targets.map((e) => e.source))];
  const duties = graph.edges.filter((e) => isDuty(e.type) && tasks.includes(e.target));
  const agencies = [...new Set(duties.map((e) => e.source))];
  return {
    root: root.id,
    nodes: [...techs, ...tasks, ...agencies].map((id) => nodeMap(byId.get(id)!)),
    subfields: subfields.map(edgeMap),
    targets: targets.map(edgeMap),
    duties: duties.map(edgeMap),
  };
}

describe('Neo4j trace: one statement', () => {
  it('sends one statement: the key and its case-folded form as parameters', async () => {
    const { q, calls } = recorder(() => []);
    await expect(trace(q, ' 人工智能 ')).rejects.toThrow('technology not found');
    expect(calls).toEqual([{ cypher: TRACE_CYPHER('policy_graph'), params: { key: ' 人工智能 ', lc: '人工智能' } }]);
  });

  it('assembles every seed technology exactly as the embedded store traces it', async () => {
    const technologies = graph.nodes.filter((n) => n.type === 'Technology');
    expect(technologies.length).toBeGreaterThan(5);
    let traced = 0;
    for (const t of technologies) {
      const { q } = recorder(() => [traceRow(t)]);
      const expected = await memory.trace(t.id);
      expect(await trace(q, t.id), t.id).toEqual(expected);
      if (expected.agencies.length > 0) traced++;
    }
    expect(traced).toBeGreaterThan(0);
  });
});

describe('Neo4j neighbours: one statement, unrolled per level', () => {
  it('repeats the level step `depth` times, with the edge types in the pattern and the rest as parameters', async () => {
    for (const depth of [1, 2, 3]) {
      const text = neighborsCypher('policy_graph', depth, ['LEADS', 'COOPERATES']);
      expect(text.split('UNWIND CASE WHEN frontier = [] THEN [null] ELSE frontier END AS u').length - 1).toBe(depth);
      expect(text).toContain('OPTIONAL MATCH (u)-[:LEADS|COOPERATES]-(v:policy_graph)');
      expect(text).toContain('OPTIONAL MATCH (a)-[r:LEADS|COOPERATES]->(b:policy_graph) WHERE b.id IN seen');
    }
    expect(neighborsCypher('policy_graph', 1, null)).toContain('OPTIONAL MATCH (u)-[]-(v:policy_graph)');
    const { q, calls } = recorder(() => []);
    await expect(neighbors(q, 'agency:x', { depth: 2, nodeTypes: ['Task'] })).rejects.toThrow('node not found: agency:x');
    expect(calls).toEqual([{ cypher: neighborsCypher('policy_graph', 2, null), params: { id: 'agency:x', limit: 5000, nodeTypes: ['Task'] } }]);
  });

  it('keeps the walk order the statement returns and sorts edges by id', async () => {
    const start = graph.nodes.find((n) => n.type === 'Agency')!;
    const expected = await memory.neighbors(start.id, { depth: 2, limit: 40 });
    const row = { seen: expected.nodes.map((n) => n.id), truncated: expected.truncated, nodes: [...expected.nodes].reverse().map(nodeMap), edges: [...expected.edges].reverse().map(edgeMap) };
    const { q } = recorder(() => [row]);
    expect(await neighbors(q, start.id, { depth: 2, limit: 40 })).toEqual(expected);
  });
});

describe('Neo4j search: one statement that ranks and cuts in the database', () => {
  it('sends the case-folded query, the types and the limit as parameters', async () => {
    const { q, calls } = recorder(() => [{ total: 0, nodes: [] }]);
    expect(await search(q, ' ABC ', ['Agency'], 20)).toEqual({ hits: [], truncated: false, limit: 20 });
    expect(calls).toEqual([{ cypher: SEARCH_CYPHER('policy_graph'), params: { q: 'abc', types: ['Agency'], limit: 20 } }]);
    expect(calls[0]?.cypher).toContain('WHERE n.search_lc CONTAINS $q');
  });

  it('names what matched, keeps the shared ranking and reports truncation from the count', async () => {
    const expected = await memory.search('局', { limit: 10 });
    expect(expected.truncated).toBe(true);
    const row = { total: 999, nodes: [...expected.hits].reverse().map((h) => nodeMap(h.node)) };
    const { q } = recorder(() => [row]);
    expect(await search(q, '局', undefined, 10)).toEqual(expected);
  });
});

describe('Neo4j counts', () => {
  it('counts edges per type from the count store form and nodes by type, as the embedded store does', async () => {
    const { q, calls } = recorder(({ cypher }) => {
      if (cypher.includes('RETURN n.type AS type')) {
        const by = new Map<string, number>();
        for (const n of graph.nodes) by.set(n.type, (by.get(n.type) ?? 0) + 1);
        return [...by].map(([type, c]) => ({ type, c }));
      }
      const type = /-\[r:(\w+)\]->\(\) RETURN count\(r\) AS c$/.exec(cypher)?.[1];
      return [{ c: graph.edges.filter((e) => e.type === type).length }];
    });
    expect(await counts(q)).toEqual(await memory.counts());
    expect(calls.slice(1).map((c) => c.cypher)).toContain('MATCH (:policy_graph)-[r:LEADS]->() RETURN count(r) AS c');
  });
});
