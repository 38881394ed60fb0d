import type { GraphNode, JsonValue } from '../../model/index.ts';
import { selectPaths } from '../../analysis/paths.ts';
import type { SubfieldEdge, TargetEdge, TraceResponsibility } from '../../analysis/trace.ts';
import { assembleTrace } from '../../analysis/trace.ts';
import type { ResponsibilityRow } from '../../analysis/workload.ts';
import { computeWorkload } from '../../analysis/workload.ts';
import type { AgencyWorkload, GraphPath, PathOptions, PathsResult, TraceResult, WorkloadOptions } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkLimit, checkMaxLength, checkMaxPaths } from '../validate.ts';
import type { Query } from './connection.ts';
import { BASE_LABEL, EDGE_COLUMNS, NODE_COLUMNS, byId, relType, toEdge, toNode } from './records.ts';
import { edgesAmong, nodeOrThrow, nodesById } from './reads.ts';

const E = BASE_LABEL;
/** allShortestPaths can be huge between hubs; beyond this many the order is the server's. */
const PATH_ROWS = 1000;
const props = (json: unknown) => JSON.parse(String(json ?? '{}')) as Record<string, JsonValue>;

export async function shortestPaths(q: Query, from: string, to: string, options: PathOptions = {}): Promise<PathsResult> {
  const max = checkMaxPaths(options.max);
  const maxLength = checkMaxLength(options.maxLength); // an integer 1..12: safe in the query text
  await nodeOrThrow(q, from);
  await nodeOrThrow(q, to);
  let found: GraphPath[];
  if (from === to) found = [{ nodes: [from], edges: [] }];
  else {
    const types = options.edgeTypes?.length ? `:${options.edgeTypes.map(relType).join('|')}` : '';
    const rows = await q(
      `MATCH (a:${E} {id: $from}), (b:${E} {id: $to}) MATCH p = allShortestPaths((a)-[${types}*..${maxLength}]-(b)) ` +
        `RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | r.id] AS edges LIMIT ${PATH_ROWS}`,
      { from, to },
    );
    found = rows.map((r) => ({ nodes: (r['nodes'] as unknown[]).map(String), edges: (r['edges'] as unknown[]).map(String) }));
  }
  const { paths, truncated } = selectPaths(found, max);
  const ids = [...new Set(paths.flatMap((p) => p.nodes))];
  const edgeIds = new Set(paths.flatMap((p) => p.edges));
  return {
    paths,
    subgraph: { nodes: await nodesById(q, ids), edges: (await edgesAmong(q, ids)).filter((e) => edgeIds.has(e.id)), truncated: false, limit: DEFAULT_LIMIT },
    truncated,
  };
}

export async function workload(q: Query, options: WorkloadOptions = {}): Promise<AgencyWorkload[]> {
  const rows = await q(
    `MATCH (a:${E})-[r:LEADS|COOPERATES]->(t:${E}) WHERE a.type = 'Agency' ` +
      'RETURN a.id AS aid, a.type AS atype, a.name AS aname, a.props_json AS aprops, t.id AS tid, t.props_json AS tprops, type(r) AS role, r.docs AS docs',
  );
  const input: ResponsibilityRow[] = rows.map((r) => ({
    agency: { id: String(r['aid']), type: String(r['atype']), name: String(r['aname']), props: props(r['aprops']) },
    task: { id: String(r['tid']), props: props(r['tprops']) },
    role: r['role'] === 'LEADS' ? 'LEADS' : 'COOPERATES',
    docs: Array.isArray(r['docs']) ? (r['docs'] as unknown[]).map(String) : [],
  }));
  return computeWorkload(input, options);
}

/** Technology by id, else by exact (case-folded) name or alias, first by id. */
async function resolveTechnology(q: Query, key: string): Promise<GraphNode> {
  const rows = await q(
    `MATCH (n:Technology) WHERE n.id = $key OR n.name_lc = $lc OR $lc IN n.aliases_lc ` +
      `RETURN ${NODE_COLUMNS()} ORDER BY CASE WHEN n.id = $key THEN 0 ELSE 1 END, n.id LIMIT 1`,
    { key, lc: key.trim().toLowerCase() },
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('technology', key);
  return toNode(row);
}

export async function trace(q: Query, key: string, options: { limit?: number } = {}): Promise<TraceResult> {
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const technology = await resolveTechnology(q, key);
  const subfields: SubfieldEdge[] = (
    await q(
      `MATCH (root:${E} {id: $id}) OPTIONAL MATCH (d:${E})-[:SUBFIELD_OF*1..]->(root) WITH root, collect(DISTINCT d) AS ds ` +
        `UNWIND ds + [root] AS p MATCH (c:${E})-[s:SUBFIELD_OF]->(p) RETURN s.id AS id, c.id AS child, p.id AS parent`,
      { id: technology.id },
    )
  ).map((r) => ({ id: String(r['id']), child: String(r['child']), parent: String(r['parent']) }));
  const techs = [...new Set([technology.id, ...subfields.map((s) => s.child)])];
  const targets: TargetEdge[] = (
    await q(`UNWIND $techs AS tid MATCH (t:${E})-[e:TARGETS]->(x:${E} {id: tid}) RETURN e.id AS id, t.id AS task, tid AS technology`, { techs })
  ).map((r) => ({ id: String(r['id']), task: String(r['task']), technology: String(r['technology']) }));
  const tasks = [...new Set(targets.map((t) => t.task))];
  const responsibilities: TraceResponsibility[] = (
    await q(
      `UNWIND $tasks AS tid MATCH (a:${E})-[e:LEADS|COOPERATES]->(t:${E} {id: tid}) ` +
        'RETURN e.id AS id, type(e) AS role, a.id AS aid, a.name AS aname, a.type AS atype, a.props_json AS aprops, t.id AS tid, t.name AS tname',
      { tasks },
    )
  ).map((r) => ({
    id: String(r['id']),
    role: r['role'] === 'LEADS' ? 'LEADS' : 'COOPERATES',
    agency: { id: String(r['aid']), name: String(r['aname']), type: String(r['atype']), props: props(r['aprops']) },
    task: { id: String(r['tid']), name: String(r['tname']) },
  }));
  const a = assembleTrace(technology.id, subfields, targets, responsibilities, limit);
  // Look each edge up from its source node: an id alone would mean scanning every relationship.
  const sourceOf = new Map<string, string>([
    ...subfields.map((s) => [s.id, s.child] as const),
    ...targets.map((t) => [t.id, t.task] as const),
    ...responsibilities.map((r) => [r.id, r.agency.id] as const),
  ]);
  const rows = a.edgeIds.map((id) => ({ id, source: sourceOf.get(id) ?? '' }));
  const edges = (
    await q(`UNWIND $rows AS row MATCH (a:${E} {id: row.source})-[r]->(b:${E}) WHERE r.id = row.id RETURN ${EDGE_COLUMNS}`, { rows })
  ).map(toEdge);
  return {
    technology,
    technologies: a.technologies,
    agencies: a.agencies,
    subgraph: { nodes: await nodesById(q, a.nodeIds), edges: edges.sort(byId), truncated: a.truncated, limit },
    truncated: a.truncated,
  };
}
