import type { EdgeType, GraphEdge, GraphNode, NodeType } from '../../model/index.ts';
import { EDGE_TYPES } from '../../model/index.ts';
import type { SearchCandidate } from '../../analysis/search-rank.ts';
import { bestMatch, compareCandidates, normaliseSearchText } from '../../analysis/search-rank.ts';
import type { Counts, DegreeByType, NeighborOptions, SearchResult, Subgraph } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkDepth, checkLimit } from '../validate.ts';
import type { Query } from './connection.ts';
import { META_LABEL } from './namespace.ts';
import { EDGE_COLUMNS, EDGE_MAP, NODE_COLUMNS, NODE_MAP, byId, relType, rowsOf, toEdge, toNode } from './records.ts';

export async function nodesById(q: Query, ids: readonly string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  const rows = await q(`UNWIND $ids AS id MATCH (n:${q.label} {id: id}) RETURN ${NODE_COLUMNS()}`, { ids: [...new Set(ids)] });
  const found = new Map(rows.map(toNode).map((n) => [n.id, n]));
  return [...new Set(ids)].map((id) => found.get(id)).filter((n) => n !== undefined);
}

export async function nodeOrThrow(q: Query, id: string): Promise<GraphNode> {
  const [node] = await nodesById(q, [id]);
  if (!node) throw new NotFoundError('node', id);
  return node;
}

/** `:A|B` for a relationship pattern, from the model's allow-list only; '' for any type. */
export const relTypes = (types: readonly EdgeType[] | null | undefined) => (types?.length ? `:${types.map(relType).join('|')}` : '');

/** Every edge (of the given types, if any) with both ends in `ids`, in id order. */
export async function edgesAmong(q: Query, ids: readonly string[], edgeTypes: readonly EdgeType[] | null = null): Promise<GraphEdge[]> {
  if (ids.length === 0) return [];
  const rows = await q(`UNWIND $ids AS id MATCH (a:${q.label} {id: id})-[r${relTypes(edgeTypes)}]->(b:${q.label}) WHERE b.id IN $ids RETURN ${EDGE_COLUMNS}`, { ids });
  return rows.map(toEdge).sort(byId);
}

/** In and out degree by type in one statement; no row means no such node. */
export async function degree(q: Query, id: string): Promise<DegreeByType> {
  const [row] = await q(
    `MATCH (n:${q.label} {id: $id}) OPTIONAL MATCH (n)-[o]->(:${q.label}) WITH n, collect(type(o)) AS outs ` +
      `OPTIONAL MATCH (n)<-[i]-(:${q.label}) RETURN outs, collect(type(i)) AS ins`,
    { id },
  );
  if (!row) throw new NotFoundError('node', id);
  const out: DegreeByType = {};
  for (const dir of ['out', 'in'] as const) {
    for (const t of (row[dir === 'out' ? 'outs' : 'ins'] as unknown[]) ?? []) (out[relType(String(t))] ??= { in: 0, out: 0 })[dir]++;
  }
  return out;
}

export async function counts(q: Query): Promise<Counts> {
  const result: Counts = { nodes: {}, edges: {}, totalNodes: 0, totalEdges: 0 };
  for (const row of await q(`MATCH (n:${q.label}) RETURN n.type AS type, count(n) AS c`)) {
    result.nodes[row['type'] as NodeType] = Number(row['c']);
    result.totalNodes += Number(row['c']);
  }
  // One statement per type in the form the server answers from its count store, in O(1):
  // a single labelled end and one relationship type. Every relationship of ours starts at a
  // node of this graph, so the count is the graph's.
  for (const type of EDGE_TYPES) {
    const c = Number((await q(`MATCH (:${q.label})-[r:${type}]->() RETURN count(r) AS c`))[0]?.['c'] ?? 0);
    if (c === 0) continue;
    result.edges[type] = c;
    result.totalEdges += c;
  }
  return result;
}

/** This graph's revision counter; 0 before its first write. */
export async function revision(q: Query): Promise<number> {
  const rows = await q(`MATCH (m:${META_LABEL} {graph: $graph}) RETURN m.revision AS revision`, { graph: q.label });
  return Number(rows[0]?.['revision'] ?? 0);
}

/**
 * One statement: candidates from the indexed `search_lc` (name and aliases), ranked in the
 * database the way search-rank.ts ranks (match rank, type group, name length, id), counted,
 * and only the best `limit` nodes sent back. The shared code then names what matched.
 */
export const SEARCH_CYPHER = (label: string) =>
  `MATCH (n:${label}) WHERE n.search_lc CONTAINS $q AND ($types IS NULL OR n.type IN $types) ` +
  'WITH n, CASE WHEN n.name_lc = $q OR $q IN n.aliases_lc THEN 0 ' +
  'WHEN n.name_lc STARTS WITH $q OR any(a IN n.aliases_lc WHERE a STARTS WITH $q) THEN 1 ' +
  'WHEN n.name_lc CONTAINS $q OR any(a IN n.aliases_lc WHERE a CONTAINS $q) THEN 2 END AS rank WHERE rank IS NOT NULL ' +
  "WITH n, rank, CASE n.type WHEN 'Technology' THEN 2 WHEN 'Document' THEN 3 WHEN 'Task' THEN 4 ELSE CASE WHEN n.collective THEN 1 ELSE 0 END END AS grp " +
  'ORDER BY rank, grp, size(n.name), n.id ' +
  `WITH count(n) AS total, collect(n)[0..$limit] AS top RETURN total, [n IN top | ${NODE_MAP()}] AS nodes`;

export async function search(q: Query, query: string, types: readonly NodeType[] | undefined, limit: number): Promise<SearchResult> {
  const text = normaliseSearchText(query);
  const [row] = await q(SEARCH_CYPHER(q.label), { q: text, types: types?.length ? types : null, limit });
  const hits: (SearchCandidate & { node: GraphNode })[] = [];
  for (const node of rowsOf(row?.['nodes']).map(toNode)) {
    const m = bestMatch(node.name, node.aliases, text);
    if (m) hits.push({ node, id: node.id, type: node.type, name: node.name, collective: node.props['collective'] === true, ...m });
  }
  hits.sort(compareCandidates);
  return { hits: hits.map((h) => ({ node: h.node, rank: h.rank, matched: h.matched })), truncated: Number(row?.['total'] ?? 0) > limit, limit };
}

/**
 * The walk of memory/neighbors.ts as ONE statement, unrolled per level (depth is 1..3): each
 * level is the unseen neighbours of the last one (filters define the graph walked), in id
 * order, cut at the room left under `limit`; then the nodes and the edges among them.
 * Runs on 3.5 too: no CALL subqueries, no APOC.
 */
export function neighborsCypher(label: string, depth: number, edgeTypes: readonly EdgeType[] | null): string {
  const rel = relTypes(edgeTypes);
  const level =
    'UNWIND CASE WHEN frontier = [] THEN [null] ELSE frontier END AS u ' +
    `OPTIONAL MATCH (u)-[${rel}]-(v:${label}) WHERE NOT truncated AND NOT v.id IN seen AND ($nodeTypes IS NULL OR v.type IN $nodeTypes) ` +
    'WITH seen, truncated, v ORDER BY v.id ' +
    'WITH seen, truncated, collect(DISTINCT v) AS found ' +
    'WITH seen, truncated OR size(seen) + size(found) > $limit AS truncated, found[0..$limit - size(seen)] AS frontier ' +
    'WITH seen + [x IN frontier | x.id] AS seen, truncated, frontier ';
  return (
    `MATCH (s:${label} {id: $id}) WITH [s] AS frontier, [s.id] AS seen, false AS truncated ` +
    level.repeat(depth) +
    `UNWIND seen AS sid MATCH (a:${label} {id: sid}) ` +
    `OPTIONAL MATCH (a)-[r${rel}]->(b:${label}) WHERE b.id IN seen ` +
    `WITH seen, truncated, a, collect(${EDGE_MAP()}) AS out ` +
    `RETURN seen, truncated, collect(${NODE_MAP('a')}) AS nodes, reduce(acc = [], es IN collect(out) | acc + es) AS edges`
  );
}

export async function neighbors(q: Query, id: string, options: NeighborOptions = {}): Promise<Subgraph> {
  const depth = checkDepth(options.depth); // an integer 1..3: safe to unroll into the text
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const edgeTypes = options.edgeTypes?.length ? options.edgeTypes : null;
  const [row] = await q(neighborsCypher(q.label, depth, edgeTypes), { id, limit, nodeTypes: options.nodeTypes?.length ? options.nodeTypes : null });
  if (!row) throw new NotFoundError('node', id);
  const byNodeId = new Map(rowsOf(row['nodes']).map(toNode).map((n) => [n.id, n]));
  const nodes = (row['seen'] as unknown[]).map((x) => byNodeId.get(String(x))).filter((n) => n !== undefined);
  return { nodes, edges: rowsOf(row['edges']).map(toEdge).sort(byId), truncated: row['truncated'] === true, limit };
}

export async function subgraph(q: Query, ids: readonly string[], options: { limit?: number } = {}): Promise<Subgraph> {
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const known = await nodesById(q, ids);
  const kept = known.slice(0, limit);
  return { nodes: kept, edges: await edgesAmong(q, kept.map((n) => n.id)), truncated: known.length > limit, limit };
}

export async function exportAll(q: Query) {
  const nodes = (await q(`MATCH (n:${q.label}) RETURN ${NODE_COLUMNS()}`)).map(toNode);
  const edges = (await q(`MATCH (a:${q.label})-[r]->(b:${q.label}) RETURN ${EDGE_COLUMNS}`)).map(toEdge);
  return { nodes, edges };
}
