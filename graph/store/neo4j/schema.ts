import { NODE_TYPES } from '../../model/index.ts';
import { StoreUnavailableError } from '../errors.ts';
import type { Row, ServerVersion } from './connection.ts';
import { META_LABEL } from './namespace.ts';

/**
 * Schema syntax differs by server generation:
 * - 3.5: unnamed `CREATE CONSTRAINT ON … ASSERT` / `CREATE INDEX ON :L(p)`, no IF NOT EXISTS;
 * - 4.0–4.3: named, `ON … ASSERT` and `FOR … ON`, no IF NOT EXISTS here (it came late in 4.x);
 * - 4.4: `FOR … REQUIRE` and IF NOT EXISTS; plain indexes are b-trees, which serve CONTAINS;
 * - 5 and the calendar versions (2025.x): as 4.4, but CONTAINS needs a TEXT index.
 * Every generation reads what exists first and creates only what is missing, so a second run
 * (or a second app server) sends no schema change at all.
 */
export type SchemaGeneration = '3.5' | '4.0' | '4.4' | '5';
export const MIN_VERSION = '3.5';

export function schemaGeneration(version: ServerVersion): SchemaGeneration {
  const { major, minor } = version;
  if (major < 3 || (major === 3 && minor < 5)) {
    throw new StoreUnavailableError(`Neo4j ${version.text} is not supported: the minimum is Neo4j ${MIN_VERSION}`, 'NEO4J_URI');
  }
  if (major === 3) return '3.5';
  if (major === 4) return minor >= 4 ? '4.4' : '4.0';
  return '5';
}

export interface SchemaRule {
  kind: 'unique' | 'range' | 'text';
  label: string;
  property: string;
  name: string;
}

/** What one graph needs: unique ids (every lookup), `type` (filters), the search text, and the revision node. */
export function schemaRules(graph: string, generation: SchemaGeneration): SchemaRule[] {
  return [
    { kind: 'unique', label: graph, property: 'id', name: `pg_${graph}_id` },
    { kind: 'range', label: graph, property: 'type', name: `pg_${graph}_type` },
    { kind: generation === '5' ? 'text' : 'range', label: graph, property: 'search_lc', name: `pg_${graph}_search` },
    { kind: 'unique', label: META_LABEL, property: 'graph', name: 'pg_meta_graph' },
  ];
}

/** The two statements that list constraints, then indexes. */
export function readSchemaStatements(generation: SchemaGeneration): [string, string] {
  return generation === '3.5' || generation === '4.0' ? ['CALL db.constraints()', 'CALL db.indexes()'] : ['SHOW CONSTRAINTS', 'SHOW INDEXES'];
}

export interface ExistingRule {
  name: string | null;
  kind: 'unique' | 'range' | 'text' | 'other';
  label: string;
  property: string;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** 3.5/4.x describe a constraint only in text: `CONSTRAINT ON ( a:Agency ) ASSERT (a.id) IS UNIQUE`. */
const DESCRIBED_UNIQUE = /ON\s*\(\s*`?\w+`?\s*:\s*`?(\w+)`?\s*\)\s*ASSERT\s*\(?\s*`?\w+`?\.`?(\w+)`?\s*\)?\s*IS\s+UNIQUE/i;

function indexKind(type: string): ExistingRule['kind'] {
  const t = type.toUpperCase();
  if (t === 'TEXT') return 'text';
  if (t === 'BTREE' || t === 'RANGE' || t === 'NODE_LABEL_PROPERTY') return 'range';
  return 'other'; // fulltext, lookup, point, vector, and the index a constraint owns
}

/** Constraint and index rows of any generation as one list (rows as the driver returns them). */
export function parseExisting(constraintRows: readonly Row[], indexRows: readonly Row[]): ExistingRule[] {
  const out: ExistingRule[] = [];
  for (const r of constraintRows) {
    const name = typeof r['name'] === 'string' ? r['name'] : null;
    const labels = strings(r['labelsOrTypes']);
    const props = strings(r['properties']);
    if (labels.length === 1 && props.length === 1) {
      if (String(r['type'] ?? '').toUpperCase().includes('UNIQUE')) out.push({ name, kind: 'unique', label: labels[0] as string, property: props[0] as string });
      continue;
    }
    const m = DESCRIBED_UNIQUE.exec(String(r['description'] ?? ''));
    if (m) out.push({ name, kind: 'unique', label: m[1] as string, property: m[2] as string });
  }
  for (const r of indexRows) {
    const labels = strings(r['labelsOrTypes'] ?? r['tokenNames']);
    const props = strings(r['properties']);
    if (labels.length !== 1 || props.length !== 1) continue;
    const unique = r['uniqueness'] === 'UNIQUE' || String(r['type'] ?? '').toLowerCase() === 'node_unique_property' || (r['owningConstraint'] ?? null) !== null;
    out.push({
      name: typeof r['name'] === 'string' ? r['name'] : typeof r['indexName'] === 'string' ? r['indexName'] : null,
      kind: unique ? 'other' : indexKind(String(r['type'] ?? '')),
      label: labels[0] as string,
      property: props[0] as string,
    });
  }
  return out;
}

function createStatement(rule: SchemaRule, generation: SchemaGeneration): string {
  const { label: l, property: p, name } = rule;
  if (generation === '3.5') return rule.kind === 'unique' ? `CREATE CONSTRAINT ON (n:${l}) ASSERT n.${p} IS UNIQUE` : `CREATE INDEX ON :${l}(${p})`;
  if (generation === '4.0') return rule.kind === 'unique' ? `CREATE CONSTRAINT ${name} ON (n:${l}) ASSERT n.${p} IS UNIQUE` : `CREATE INDEX ${name} FOR (n:${l}) ON (n.${p})`;
  if (rule.kind === 'unique') return `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${l}) REQUIRE n.${p} IS UNIQUE`;
  return `CREATE ${rule.kind === 'text' ? 'TEXT ' : ''}INDEX ${name} IF NOT EXISTS FOR (n:${l}) ON (n.${p})`;
}

/**
 * Uniqueness on the model's labels (named `pg_agency_id` …, from before graphs had labels of their
 * own) would stop two graphs from holding the same id: those constraints of ours are dropped.
 */
const LEGACY_CONSTRAINTS = new Set(['Entity', ...NODE_TYPES].map((l) => `pg_${l.toLowerCase()}_id`));

/** The statements that bring the existing schema to what `graph` needs; none when it is there. */
export function schemaStatements(version: ServerVersion, graph: string, existing: readonly ExistingRule[]): string[] {
  const generation = schemaGeneration(version);
  const has = (rule: SchemaRule) => existing.some((e) => e.kind === rule.kind && e.label === rule.label && e.property === rule.property);
  const drops = existing.filter((e) => e.kind === 'unique' && e.name !== null && LEGACY_CONSTRAINTS.has(e.name)).map((e) => `DROP CONSTRAINT ${e.name}`);
  const creates = schemaRules(graph, generation)
    .filter((rule) => !has(rule))
    .map((rule) => createStatement(rule, generation));
  return [...new Set(drops), ...creates];
}
