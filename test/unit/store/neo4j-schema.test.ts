import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../graph/store/errors.ts';
import { parseVersion } from '../../../graph/store/neo4j/connection.ts';
import type { ExistingRule } from '../../../graph/store/neo4j/schema.ts';
import { parseExisting, readSchemaStatements, schemaGeneration, schemaRules, schemaStatements } from '../../../graph/store/neo4j/schema.ts';

const G = 'policy_graph';
const fresh = (v: string) => schemaStatements(parseVersion(v), G, []);

describe('Neo4j schema statements by server version (a fresh database)', () => {
  it('3.5: unnamed ON … ASSERT and CREATE INDEX ON :L(p)', () => {
    expect(fresh('3.5.6')).toEqual([
      'CREATE CONSTRAINT ON (n:policy_graph) ASSERT n.id IS UNIQUE',
      'CREATE INDEX ON :policy_graph(type)',
      'CREATE INDEX ON :policy_graph(search_lc)',
      'CREATE CONSTRAINT ON (n:PolicyGraphMeta) ASSERT n.graph IS UNIQUE',
    ]);
  });

  it('4.0–4.3: named, ON … ASSERT and FOR … ON, without IF NOT EXISTS', () => {
    const expected = [
      'CREATE CONSTRAINT pg_policy_graph_id ON (n:policy_graph) ASSERT n.id IS UNIQUE',
      'CREATE INDEX pg_policy_graph_type FOR (n:policy_graph) ON (n.type)',
      'CREATE INDEX pg_policy_graph_search FOR (n:policy_graph) ON (n.search_lc)',
      'CREATE CONSTRAINT pg_meta_graph ON (n:PolicyGraphMeta) ASSERT n.graph IS UNIQUE',
    ];
    for (const v of ['4.0.12', '4.1.0', '4.3.23']) expect(fresh(v)).toEqual(expected);
  });

  it('4.4: FOR … REQUIRE with IF NOT EXISTS; a b-tree index serves CONTAINS', () => {
    expect(fresh('4.4.30')).toEqual([
      'CREATE CONSTRAINT pg_policy_graph_id IF NOT EXISTS FOR (n:policy_graph) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX pg_policy_graph_type IF NOT EXISTS FOR (n:policy_graph) ON (n.type)',
      'CREATE INDEX pg_policy_graph_search IF NOT EXISTS FOR (n:policy_graph) ON (n.search_lc)',
      'CREATE CONSTRAINT pg_meta_graph IF NOT EXISTS FOR (n:PolicyGraphMeta) REQUIRE n.graph IS UNIQUE',
    ]);
  });

  it('5.x and calendar versions: as 4.4, with a TEXT index for the search text', () => {
    const expected = [
      'CREATE CONSTRAINT pg_policy_graph_id IF NOT EXISTS FOR (n:policy_graph) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX pg_policy_graph_type IF NOT EXISTS FOR (n:policy_graph) ON (n.type)',
      'CREATE TEXT INDEX pg_policy_graph_search IF NOT EXISTS FOR (n:policy_graph) ON (n.search_lc)',
      'CREATE CONSTRAINT pg_meta_graph IF NOT EXISTS FOR (n:PolicyGraphMeta) REQUIRE n.graph IS UNIQUE',
    ];
    for (const v of ['5.0.0', '5.26.8', '2025.01.0', '2025.10.1']) expect(fresh(v)).toEqual(expected);
  });

  it('each graph gets rules of its own label; the revision node rule is shared', () => {
    expect(schemaStatements(parseVersion('5.26.0'), 'team_b', [])[0]).toBe('CREATE CONSTRAINT pg_team_b_id IF NOT EXISTS FOR (n:team_b) REQUIRE n.id IS UNIQUE');
  });

  it('reads existing rules with db.constraints/db.indexes before 4.4 and SHOW from 4.4 on', () => {
    expect(readSchemaStatements(schemaGeneration(parseVersion('3.5.6')))).toEqual(['CALL db.constraints()', 'CALL db.indexes()']);
    expect(readSchemaStatements(schemaGeneration(parseVersion('4.2.0')))).toEqual(['CALL db.constraints()', 'CALL db.indexes()']);
    expect(readSchemaStatements(schemaGeneration(parseVersion('4.4.0')))).toEqual(['SHOW CONSTRAINTS', 'SHOW INDEXES']);
    expect(readSchemaStatements(schemaGeneration(parseVersion('2025.01.0')))).toEqual(['SHOW CONSTRAINTS', 'SHOW INDEXES']);
  });

  it('a server older than 3.5 gets one line naming its version and the minimum', () => {
    for (const v of ['3.4.18', '2.3.12']) {
      expect(() => schemaGeneration(parseVersion(v))).toThrow(StoreUnavailableError);
      expect(() => schemaGeneration(parseVersion(v))).toThrow(`Neo4j ${v} is not supported: the minimum is Neo4j 3.5`);
    }
  });
});

describe('Neo4j schema: idempotent on every version (rows as each server lists them)', () => {
  it('3.5: constraints from their description, indexes from tokenNames; nothing left to create', () => {
    const constraints = [
      { description: 'CONSTRAINT ON ( policy_graph:policy_graph ) ASSERT policy_graph.id IS UNIQUE' },
      { description: 'CONSTRAINT ON ( policygraphmeta:PolicyGraphMeta ) ASSERT policygraphmeta.graph IS UNIQUE' },
    ];
    const indexes = [
      { description: 'INDEX ON :policy_graph(id)', indexName: 'index_1', tokenNames: ['policy_graph'], properties: ['id'], state: 'ONLINE', type: 'node_unique_property' },
      { description: 'INDEX ON :policy_graph(type)', indexName: 'index_2', tokenNames: ['policy_graph'], properties: ['type'], state: 'ONLINE', type: 'node_label_property' },
      { description: 'INDEX ON :policy_graph(search_lc)', indexName: 'index_3', tokenNames: ['policy_graph'], properties: ['search_lc'], state: 'ONLINE', type: 'node_label_property' },
    ];
    const existing = parseExisting(constraints, indexes);
    expect(existing.filter((e) => e.kind === 'unique').map((e) => `${e.label}.${e.property}`)).toEqual(['policy_graph.id', 'PolicyGraphMeta.graph']);
    expect(schemaStatements(parseVersion('3.5.6'), G, existing)).toEqual([]);
    // Another graph in the same database still needs its own.
    expect(schemaStatements(parseVersion('3.5.6'), 'team_b', existing)).toEqual([
      'CREATE CONSTRAINT ON (n:team_b) ASSERT n.id IS UNIQUE',
      'CREATE INDEX ON :team_b(type)',
      'CREATE INDEX ON :team_b(search_lc)',
    ]);
  });

  it('4.0–4.3: named rows; half a schema gets only its missing half', () => {
    const constraints = [{ name: 'pg_policy_graph_id', description: 'CONSTRAINT ON ( policy_graph:policy_graph ) ASSERT (policy_graph.id) IS UNIQUE' }];
    const indexes = [
      { id: 1, name: 'pg_policy_graph_id', state: 'ONLINE', uniqueness: 'UNIQUE', type: 'BTREE', entityType: 'NODE', labelsOrTypes: ['policy_graph'], properties: ['id'] },
      { id: 2, name: 'pg_policy_graph_type', state: 'ONLINE', uniqueness: 'NONUNIQUE', type: 'BTREE', entityType: 'NODE', labelsOrTypes: ['policy_graph'], properties: ['type'] },
    ];
    expect(schemaStatements(parseVersion('4.2.19'), G, parseExisting(constraints, indexes))).toEqual([
      'CREATE INDEX pg_policy_graph_search FOR (n:policy_graph) ON (n.search_lc)',
      'CREATE CONSTRAINT pg_meta_graph ON (n:PolicyGraphMeta) ASSERT n.graph IS UNIQUE',
    ]);
  });

  it('4.4 and 5: SHOW rows; a complete schema sends nothing', () => {
    const constraints = [
      { id: 3, name: 'pg_policy_graph_id', type: 'UNIQUENESS', entityType: 'NODE', labelsOrTypes: ['policy_graph'], properties: ['id'], ownedIndexId: 2 },
      { id: 5, name: 'pg_meta_graph', type: 'NODE_PROPERTY_UNIQUENESS', entityType: 'NODE', labelsOrTypes: ['PolicyGraphMeta'], properties: ['graph'], ownedIndexId: 4 },
    ];
    const indexes = (search: string) => [
      { id: 1, name: 'index_343aff4e', state: 'ONLINE', type: 'LOOKUP', entityType: 'NODE', labelsOrTypes: null, properties: null },
      { id: 2, name: 'pg_policy_graph_id', state: 'ONLINE', type: 'RANGE', entityType: 'NODE', labelsOrTypes: ['policy_graph'], properties: ['id'], owningConstraint: 'pg_policy_graph_id' },
      { id: 6, name: 'pg_policy_graph_type', state: 'ONLINE', type: 'RANGE', entityType: 'NODE', labelsOrTypes: ['policy_graph'], properties: ['type'], owningConstraint: null },
      { id: 7, name: 'pg_policy_graph_search', state: 'ONLINE', type: search, entityType: 'NODE', labelsOrTypes: ['policy_graph'], properties: ['search_lc'], owningConstraint: null },
    ];
    expect(schemaStatements(parseVersion('5.26.0'), G, parseExisting(constraints, indexes('TEXT')))).toEqual([]);
    expect(schemaStatements(parseVersion('4.4.30'), G, parseExisting(constraints, indexes('BTREE')))).toEqual([]);
    // On 5 a range index does not serve CONTAINS: the TEXT index is still created.
    expect(schemaStatements(parseVersion('5.26.0'), G, parseExisting(constraints, indexes('RANGE')))).toEqual([
      'CREATE TEXT INDEX pg_policy_graph_search IF NOT EXISTS FOR (n:policy_graph) ON (n.search_lc)',
    ]);
  });

  it('drops our old per-type uniqueness constraints, which would stop two graphs sharing an id', () => {
    const legacy: ExistingRule[] = [
      { name: 'pg_entity_id', kind: 'unique', label: 'Entity', property: 'id' },
      { name: 'pg_agency_id', kind: 'unique', label: 'Agency', property: 'id' },
      { name: 'customer_rule', kind: 'unique', label: 'Agency', property: 'code' },
    ];
    const statements = schemaStatements(parseVersion('5.26.0'), G, legacy);
    expect(statements.slice(0, 2)).toEqual(['DROP CONSTRAINT pg_entity_id', 'DROP CONSTRAINT pg_agency_id']);
    expect(statements.join('\n')).not.toContain('customer_rule');
  });

  it('rules name only the graph label and the revision label', () => {
    expect(schemaRules(G, '5').map((r) => r.label)).toEqual([G, G, G, 'PolicyGraphMeta']);
  });
});
