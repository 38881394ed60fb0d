import type { EdgeType, Evidence, GraphEdge, GraphNode, NodeType, Props } from '../../model/index.ts';
import { EDGE_TYPES, NODE_TYPES, evidenceDocs } from '../../model/index.ts';
import { normaliseSearchText } from '../../analysis/search-rank.ts';
import { deadlineYear } from '../../analysis/workload.ts';
import { InvalidInputError } from '../errors.ts';
import type { Row } from './connection.ts';

/** A label for Cypher text: only ever one of the model's node types, never input. */
export function label(type: string): NodeType {
  const t = NODE_TYPES.find((x) => x === type);
  if (!t) throw new InvalidInputError(`unknown node type ${type}`, 'type');
  return t;
}

/** A relationship type for Cypher text: only ever one of the model's edge types. */
export function relType(type: string): EdgeType {
  const t = EDGE_TYPES.find((x) => x === type);
  if (!t) throw new InvalidInputError(`unknown edge type ${type}`, 'type');
  return t;
}

/** Between a name and its aliases in `search_lc`: no normalised query spans it and still matches. */
const SEARCH_SEPARATOR = '\u0001';

const stringOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

// Props and evidence are stored as JSON text: nested values survive unchanged and the same
// Graph JSON comes back out. `docs` lists the evidence documents so a document's facts can be
// found without parsing; the *_lc copies serve case-folded search (`search_lc`, name and aliases
// in one indexed string, finds the candidates). `level`, `collective`, `kind`, `doc` and
// `due_year` copy what the workload counts by, so the database can group on them.
export function nodeRow(n: GraphNode) {
  const name_lc = normaliseSearchText(n.name);
  const aliases_lc = n.aliases.map(normaliseSearchText);
  const due = deadlineYear(n.props);
  return {
    id: n.id,
    type: n.type,
    name: n.name,
    name_lc,
    aliases: n.aliases,
    aliases_lc,
    search_lc: [name_lc, ...aliases_lc].join(SEARCH_SEPARATOR),
    props_json: JSON.stringify(n.props),
    evidence_json: JSON.stringify(n.evidence),
    docs: evidenceDocs(n.evidence),
    level: stringOrNull(n.props['level']),
    collective: n.props['collective'] === true,
    kind: stringOrNull(n.props['kind']),
    doc: stringOrNull(n.props['doc']),
    due_year: due === 'none' ? null : due,
  };
}

export function edgeRow(e: GraphEdge) {
  return { id: e.id, source: e.source, target: e.target, props_json: JSON.stringify(e.props), evidence_json: JSON.stringify(e.evidence), docs: evidenceDocs(e.evidence) };
}

/** SET clause shared by every node write. */
export const SET_NODE =
  'SET n.type = row.type, n.name = row.name, n.name_lc = row.name_lc, n.aliases = row.aliases, n.aliases_lc = row.aliases_lc, ' +
  'n.search_lc = row.search_lc, n.props_json = row.props_json, n.evidence_json = row.evidence_json, n.docs = row.docs, ' +
  'n.level = row.level, n.collective = row.collective, n.kind = row.kind, n.doc = row.doc, n.due_year = row.due_year';

/** RETURN columns that `toNode` reads, for a node bound to `n`. */
export const NODE_COLUMNS = (v = 'n') =>
  `${v}.id AS id, ${v}.type AS type, ${v}.name AS name, ${v}.aliases AS aliases, ${v}.props_json AS props_json, ${v}.evidence_json AS evidence_json`;

/** The same columns as one map (map projection), for statements that return lists of nodes. */
export const NODE_MAP = (v = 'n') => `${v} {.id, .type, .name, .aliases, .props_json, .evidence_json}`;

/** An edge map for `r` from `a` to `b`; null when `r` is (an OPTIONAL MATCH that found nothing). */
export const EDGE_MAP = (r = 'r', a = 'a', b = 'b') =>
  `CASE WHEN ${r} IS NULL THEN null ELSE {id: ${r}.id, type: type(${r}), source: ${a}.id, target: ${b}.id, props_json: ${r}.props_json, evidence_json: ${r}.evidence_json} END`;

/** Rows from a list column of maps (NODE_MAP / EDGE_MAP), nulls dropped. */
export function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((v): v is Row => v !== null && typeof v === 'object') : [];
}

/** RETURN columns that `toEdge` reads, for a relationship `r` from `a` to `b`. */
export const EDGE_COLUMNS = 'r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.props_json AS props_json, r.evidence_json AS evidence_json';

export function toNode(row: Row): GraphNode {
  return {
    id: String(row['id']),
    type: label(String(row['type'])),
    name: String(row['name']),
    aliases: Array.isArray(row['aliases']) ? row['aliases'].map(String) : [],
    props: JSON.parse(String(row['props_json'] ?? '{}')) as Props,
    evidence: JSON.parse(String(row['evidence_json'] ?? '[]')) as Evidence[],
  };
}

export function toEdge(row: Row): GraphEdge {
  return {
    id: String(row['id']),
    type: relType(String(row['type'])),
    source: String(row['source']),
    target: String(row['target']),
    props: JSON.parse(String(row['props_json'] ?? '{}')) as Props,
    evidence: JSON.parse(String(row['evidence_json'] ?? '[]')) as Evidence[],
  };
}

export const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function groupBy<T, K extends string>(list: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}
