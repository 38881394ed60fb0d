import type { AgencyLevel, JsonValue } from '../../model/index.ts';
import { AGENCY_LEVELS, RESPONSIBILITY_EDGE_TYPES } from '../../model/index.ts';
import { selectPaths } from '../../analysis/paths.ts';
import type { SubfieldEdge, TargetEdge, TraceResponsibility } from '../../analysis/trace.ts';
import { assembleTrace } from '../../analysis/trace.ts';
import { compareWorkload, glossOf } from '../../analysis/workload.ts';
import type { AgencyWorkload, GraphPath, PathOptions, PathsResult, RoleCounts, TraceResult, WorkloadOptions } from '../types.ts';
import { DEFAULT_LIMIT } from '../types.ts';
import { NotFoundError } from '../errors.ts';
import { checkLimit, checkMaxLength, checkMaxPaths } from '../validate.ts';
import type { Query, Row } from './connection.ts';
import { EDGE_MAP, NODE_MAP, byId, rowsOf, toEdge, toNode } from './records.ts';
import { edgesAmong, nodeOrThrow, nodesById, relTypes } from './reads.ts';

/** allShortestPaths can be huge between hubs; beyond this many the order is the server's. */
const PATH_ROWS = 1000;
const props = (json: unknown) => JSON.parse(String(json ?? '{}')) as Record<string, JsonValue>;

type ResponsibilityType = (typeof RESPONSIBILITY_EDGE_TYPES)[number];
/** Which count each responsibility edge type feeds; a new type in the model must be named here. */
const ROLE_KEY = { LEADS: 'led', COOPERATES: 'cooperated', RESPONSIBLE: 'responsible' } as const satisfies Record<ResponsibilityType, keyof RoleCounts>;
const isRole = (t: unknown): t is ResponsibilityType => typeof t === 'string' && Object.hasOwn(ROLE_KEY, t);
const noCounts = (): RoleCounts => Object.fromEntries(Object.values(ROLE_KEY).map((k) => [k, 0])) as unknown as RoleCounts;

export async function shortestPaths(q: Query, from: string, to: string, options: PathOptions = {}): Promise<PathsResult> {
  const max = checkMaxPaths(options.max);
  const maxLength = checkMaxLength(options.maxLength); // an integer 1..12: safe in the query text
  await nodeOrThrow(q, from);
  await nodeOrThrow(q, to);
  let found: GraphPath[];
  if (from === to) found = [{ nodes: [from], edges: [] }];
  else {
    const rows = await q(
      `MATCH (a:${q.label} {id: $from}), (b:${q.label} {id: $to}) MATCH p = allShortestPaths((a)-[${relTypes(options.edgeTypes)}*..${maxLength}]-(b)) ` +
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

/**
 * Workload counted in the database: responsibility edges grouped by (agency, role, task kind,
 * deadline year, documents) — one row per agency with its groups — so what crosses the wire is
 * a few counts per agency, never the edges. The role set is the model's RESPONSIBILITY_EDGE_TYPES.
 */
export const WORKLOAD_CYPHER = (label: string) =>
  `MATCH (a:${label})-[r${relTypes(RESPONSIBILITY_EDGE_TYPES)}]->(t:${label}) ` +
  "WHERE a.type = 'Agency' AND ($includeCollective OR NOT coalesce(a.collective, false)) AND ($level IS NULL OR a.level = $level) " +
  "WITH a, type(r) AS role, t, CASE WHEN size(coalesce(r.docs, [])) > 0 THEN r.docs ELSE [coalesce(t.doc, 'unknown')] END AS docs " +
  'WHERE $doc IS NULL OR $doc IN docs ' +
  "WITH a, role, t.kind AS kind, coalesce(t.due_year, 'none') AS year, docs, count(*) AS c " +
  'RETURN a.id AS id, a.name AS name, a.props_json AS props_json, collect([role, kind, year, docs, c]) AS groups';

function levelOf(p: Record<string, JsonValue>): AgencyLevel | null {
  return AGENCY_LEVELS.find((l) => l === p['level']) ?? null;
}

/** One agency's grouped counts as analysis/workload.ts reports them. */
export function foldWorkload(row: Row): AgencyWorkload {
  const p = props(row['props_json']);
  const w: AgencyWorkload = { agency: { id: String(row['id']), name: String(row['name']), nameEn: glossOf(p), level: levelOf(p) }, rows: noCounts(), sections: noCounts(), byDoc: {}, byYear: {} };
  for (const g of (row['groups'] as unknown[][] | null) ?? []) {
    const [role, kind, year, docs, c] = g;
    if (!isRole(role)) continue;
    const k = ROLE_KEY[role];
    const n = Number(c);
    if (kind === 'tableRow') w.rows[k] += n;
    else if (kind === 'section') w.sections[k] += n;
    for (const doc of Array.isArray(docs) ? docs.map(String) : []) (w.byDoc[doc] ??= noCounts())[k] += n;
    (w.byYear[String(year)] ??= noCounts())[k] += n;
  }
  return w;
}

export async function workload(q: Query, options: WorkloadOptions = {}): Promise<AgencyWorkload[]> {
  const rows = await q(WORKLOAD_CYPHER(q.label), { includeCollective: options.includeCollective === true, level: options.level ?? null, doc: options.doc ?? null });
  return rows.map(foldWorkload).sort(compareWorkload);
}

/**
 * A trace in ONE statement: the technology (by id, else exact case-folded name or alias, id
 * first), its subfields, the tasks aimed at them and who answers for those tasks, with every
 * node and edge involved; assembly is the shared code's (analysis/trace.ts).
 */
export const TRACE_CYPHER = (label: string) =>
  `MATCH (root:${label}) WHERE root.type = 'Technology' AND (root.id = $key OR root.name_lc = $lc OR $lc IN root.aliases_lc) ` +
  'WITH root ORDER BY CASE WHEN root.id = $key THEN 0 ELSE 1 END, root.id LIMIT 1 ' +
  `OPTIONAL MATCH (d:${label})-[:SUBFIELD_OF*1..]->(root) ` +
  'WITH root, [root] + collect(DISTINCT d) AS techs ' +
  `UNWIND techs AS p OPTIONAL MATCH (c:${label})-[r:SUBFIELD_OF]->(p) ` +
  `WITH root, techs, collect(${EDGE_MAP('r', 'c', 'p')}) AS subfields ` +
  `UNWIND techs AS b OPTIONAL MATCH (a:${label})-[r:TARGETS]->(b) ` +
  `WITH root, techs, subfields, collect(${EDGE_MAP('r', 'a', 'b')}) AS targets, collect(DISTINCT a) AS tasks ` +
  'UNWIND CASE WHEN tasks = [] THEN [null] ELSE tasks END AS b ' +
  `OPTIONAL MATCH (a:${label})-[r${relTypes(RESPONSIBILITY_EDGE_TYPES)}]->(b) ` +
  `WITH root, techs, subfields, targets, tasks, collect(${EDGE_MAP('r', 'a', 'b')}) AS duties, collect(DISTINCT a) AS agencies ` +
  `RETURN root.id AS root, [n IN techs + tasks + agencies | ${NODE_MAP()}] AS nodes, subfields, targets, duties`;

export async function trace(q: Query, key: string, options: { limit?: number } = {}): Promise<TraceResult> {
  const limit = checkLimit(options.limit, DEFAULT_LIMIT);
  const [row] = await q(TRACE_CYPHER(q.label), { key, lc: key.trim().toLowerCase() });
  if (!row) throw new NotFoundError('technology', key);
  const nodes = new Map(rowsOf(row['nodes']).map(toNode).map((n) => [n.id, n]));
  const technology = nodes.get(String(row['root']));
  if (!technology) throw new NotFoundError('technology', key);
  const edges = new Map([...rowsOf(row['subfields']), ...rowsOf(row['targets']), ...rowsOf(row['duties'])].map(toEdge).map((e) => [e.id, e]));
  const subfields: SubfieldEdge[] = rowsOf(row['subfields']).map((r) => ({ id: String(r['id']), child: String(r['source']), parent: String(r['target']) }));
  const targets: TargetEdge[] = rowsOf(row['targets']).map((r) => ({ id: String(r['id']), task: String(r['source']), technology: String(r['target']) }));
  const responsibilities: TraceResponsibility[] = [];
  for (const r of rowsOf(row['duties'])) {
    const agency = nodes.get(String(r['source']));
    const task = nodes.get(String(r['target']));
    if (!agency || !task || !isRole(r['type'])) continue;
    responsibilities.push({
      id: String(r['id']),
      role: r['type'] as TraceResponsibility['role'],
      agency: { id: agency.id, name: agency.name, type: agency.type, props: agency.props },
      task: { id: task.id, name: task.name },
    });
  }
  const a = assembleTrace(technology.id, subfields, targets, responsibilities, limit);
  return {
    technology,
    technologies: a.technologies,
    agencies: a.agencies,
    subgraph: {
      nodes: a.nodeIds.map((id) => nodes.get(id)).filter((n) => n !== undefined),
      edges: a.edgeIds.map((id) => edges.get(id)).filter((e) => e !== undefined).sort(byId),
      truncated: a.truncated,
      limit,
    },
    truncated: a.truncated,
  };
}
