import type { EdgeType, GraphEdge, GraphNode, NodeType } from '../../model/index.ts';
import type { SearchCandidate } from '../../analysis/search-rank.ts';
import { bestMatch, compareCandidates, normaliseSearchText, topK } from '../../analysis/search-rank.ts';
import type { Counts, DegreeByType, NeighborOptions, Subgraph } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkDepth, checkLimit } from '../validate.ts';
import type { Query } from './connection.ts';
import { BASE_LABEL, EDGE_COLUMNS, NODE_COLUMNS, byId, relType, toEdge, toNode } from './records.ts';

const E = BASE_LABEL;

export async function nodesById(q: Query, ids: readonly string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  const rows = await q(`UNWIND $ids AS id MATCH (n:${E} {id: id}) RETURN ${NODE_COLUMNS()}`, { ids: [...new Set(ids)] });
  const found = new Map(rows.map(toNode).map((n) => [n.id, n]));
  return [...new Set(ids)].map((id) => found.get(id)).filter((n) => n !== undefined);
}

export async function nodeOrThrow(q: Query, id: string): Promise<GraphNode> {
  const [node] = await nodesById(q, [id]);
  if (!node) throw new NotFoundError('node', id);
  return node;
}

/** Every edge (of the given types, if any) with both ends in `ids`, in id order. */
export async function edgesAmong(q: Query, ids: readonly string[], edgeTypes: readonly EdgeType[] | null = null): Promise<GraphEdge[]> {
  if (ids.length === 0) return [];
  const rows = await q(
    `UNWIND $ids AS id MATCH (a:${E} {id: id})-[r]->(b:${E}) WHERE b.id IN $ids AND ($types IS NULL OR type(r) IN $types) RETURN ${EDGE_COLUMNS}`,
    { ids, types: edgeTypes ? edgeTypes.map(relType) : null },
  );
  return rows.map(toEdge).sort(byId);
}

export async function degree(q: Query, id: string): Promise<DegreeByType> {
  await nodeOrThrow(q, id);
  const out: DegreeByType = {};
  for (const [dir, pattern] of [['out', `(n)-[r]->()`], ['in', `(n)<-[r]-()`]] as const) {
    for (const row of await q(`MATCH (n:${E} {id: $id}) MATCH ${pattern} RETURN type(r) AS type, count(r) AS c`, { id })) {
      const d = (out[relType(String(row['type']))] ??= { in: 0, out: 0 });
      d[dir] = Number(row['c']);
    }
  }
  return out;
}

export async function counts(q: Query): Promise<Counts> {
  const result: Counts = { nodes: {}, edges: {}, totalNodes: 0, totalEdges: 0 };
  for (const row of await q(`MATCH (n:${E}) RETURN n.type AS type, count(n) AS c`)) {
    result.nodes[row['type'] as NodeType] = Number(row['c']);
    result.totalNodes += Number(row['c']);
  }
  for (const row of await q(`MATCH (:${E})-[r]->(:${E}) RETURN type(r) AS type, count(r) AS c`)) {
    result.edges[relType(String(row['type']))] = Number(row['c']);
    result.totalEdges += Number(row['c']);
  }
  return result;
}

/** How many candidates the server hands back for ranking here; best matches come first. */
const SEARCH_CANDIDATES = 2000;

/** The server finds candidates (CONTAINS on case-folded copies); ranking is the shared code's. */
export async function search(q: Query, query: string, types: readonly NodeType[] | undefined, limit: number) {
  const text = normaliseSearchText(query);
  const rows = await q(
    `MATCH (n:${E}) WHERE ($types IS NULL OR n.type IN $types) AND (n.name_lc CONTAINS $q OR any(a IN n.aliases_lc WHERE a CONTAINS $q)) ` +
      'WITH n, CASE WHEN n.name_lc = $q OR $q IN n.aliases_lc THEN 0 ' +
      'WHEN n.name_lc STARTS WITH $q OR any(a IN n.aliases_lc WHERE a STARTS WITH $q) THEN 1 ELSE 2 END AS rank ' +
      `ORDER BY rank, size(n.name), n.id LIMIT ${SEARCH_CANDIDATES} RETURN ${NODE_COLUMNS()}`,
    { q: text, types: types?.length ? types : null },
  );
  const nodes = new Map<string, GraphNode>();
  const candidates: SearchCandidate[] = [];
  for (const node of rows.map(toNode)) {
    const m = bestMatch(node.name, node.aliases, text);
    if (!m) continue;
    nodes.set(node.id, node);
    candidates.push({ id: node.id, type: node.type, name: node.name, collective: node.props['collective'] === true, ...m });
  }
  const { top, total } = topK(candidates, limit, compareCandidates);
  return { hits: top.map((c) => ({ node: nodes.get(c.id) as GraphNode, rank: c.rank, matched: c.matched })), truncated: total > limit, limit };
}

/** Same walk as the embedded store (memory/neighbors.ts): level by level, each level in id order. */
export async function neighbors(q: Query, id: string, options: NeighborOptions = {}): Promise<Subgraph> {
  const depth = checkDepth(options.depth);
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  await nodeOrThrow(q, id);
  const nodeTypes = options.nodeTypes?.length ? options.nodeTypes : null;
  const edgeTypes = options.edgeTypes?.length ? options.edgeTypes.map(relType) : null;
  const order = [id];
  let frontier = [id];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
    const rows = await q(
      `UNWIND $frontier AS fid MATCH (u:${E} {id: fid})-[r]-(v:${E}) ` +
        'WHERE ($edgeTypes IS NULL OR type(r) IN $edgeTypes) AND ($nodeTypes IS NULL OR v.type IN $nodeTypes) AND NOT v.id IN $seen RETURN DISTINCT v.id AS id',
      { frontier, edgeTypes, nodeTypes, seen: order },
    );
    let level = rows.map((r) => String(r['id'])).sort();
    if (order.length + level.length > limit) {
      level = level.slice(0, limit - order.length);
      truncated = true;
    }
    order.push(...level);
    frontier = level;
  }
  return { nodes: await nodesById(q, order), edges: await edgesAmong(q, order, edgeTypes), truncated, limit };
}

export async function subgraph(q: Query, ids: readonly string[], options: { limit?: number } = {}): Promise<Subgraph> {
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const known = await nodesById(q, ids);
  const kept = known.slice(0, limit);
  return { nodes: kept, edges: await edgesAmong(q, kept.map((n) => n.id)), truncated: known.length > limit, limit };
}

export async function exportAll(q: Query) {
  const nodes = (await q(`MATCH (n:${E}) RETURN ${NODE_COLUMNS()}`)).map(toNode);
  const edges = (await q(`MATCH (a:${E})-[r]->(b:${E}) RETURN ${EDGE_COLUMNS}`)).map(toEdge);
  return { nodes, edges };
}
