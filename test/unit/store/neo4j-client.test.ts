import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../graph/store/errors.ts';
import { DEFAULT_DEADLINES, DRIVER_CONFIG } from '../../../graph/store/neo4j/connection.ts';
import { openNeo4jStore } from '../../../graph/store/neo4j/neo4j-store.ts';
import { smallGraph } from '../../fixtures/small-graph.ts';
import type { Answer } from './neo4j-fake-driver.ts';
import { componentsRow, recordingDriver } from './neo4j-fake-driver.ts';

const config = { uri: 'bolt://db.example:7687', user: 'neo4j', password: 'pw', database: undefined, graph: 'policy_graph' };

/** A server of `version` with an empty schema; every other statement answers `rest`. */
const serverOf =
  (version: string, rest: Answer = () => []): Answer =>
  (cypher, params) =>
    cypher.startsWith('CALL dbms.components()') ? componentsRow(version) : /^(CALL db\.(constraints|indexes)|SHOW )/.test(cypher) ? [] : rest(cypher, params);

describe('Neo4j start-up by server version (recorded statements)', () => {
  it('3.5.6: reads the version, lists the schema with db.constraints/db.indexes, then creates the 3.5 forms', async () => {
    const d = recordingDriver(serverOf('3.5.6'));
    const store = await openNeo4jStore(config, { factory: d.factory });
    expect(d.sent.map((s) => s.cypher)).toEqual([
      'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition',
      'CALL db.constraints()',
      'CALL db.indexes()',
      'CREATE CONSTRAINT ON (n:policy_graph) ASSERT n.id IS UNIQUE',
      'CREATE INDEX ON :policy_graph(type)',
      'CREATE INDEX ON :policy_graph(search_lc)',
      'CREATE CONSTRAINT ON (n:PolicyGraphMeta) ASSERT n.graph IS UNIQUE',
    ]);
    // Schema statements are auto-commit: they cannot share a transaction with data.
    expect(new Set(d.sent.map((s) => s.via))).toEqual(new Set(['auto']));
    await store.close();
  });

  it('2025.01: SHOW, then the 5 forms with IF NOT EXISTS; a second start with the schema in place sends no change', async () => {
    const d = recordingDriver(serverOf('2025.01.0'));
    await (await openNeo4jStore(config, { factory: d.factory })).close();
    expect(d.sent.slice(1, 3).map((s) => s.cypher)).toEqual(['SHOW CONSTRAINTS', 'SHOW INDEXES']);
    expect(d.sent.filter((s) => s.cypher.startsWith('CREATE')).length).toBe(4);
    const complete: Answer = (cypher) => {
      if (cypher.startsWith('CALL dbms.components()')) return componentsRow('2025.01.0');
      if (cypher === 'SHOW CONSTRAINTS') {
        return [
          { name: 'pg_policy_graph_id', type: 'UNIQUENESS', labelsOrTypes: ['policy_graph'], properties: ['id'] },
          { name: 'pg_meta_graph', type: 'UNIQUENESS', labelsOrTypes: ['PolicyGraphMeta'], properties: ['graph'] },
        ];
      }
      if (cypher === 'SHOW INDEXES') {
        return [
          { name: 'pg_policy_graph_type', type: 'RANGE', labelsOrTypes: ['policy_graph'], properties: ['type'], owningConstraint: null },
          { name: 'pg_policy_graph_search', type: 'TEXT', labelsOrTypes: ['policy_graph'], properties: ['search_lc'], owningConstraint: null },
        ];
      }
      return [];
    };
    const again = recordingDriver(complete);
    await (await openNeo4jStore(config, { factory: again.factory })).close();
    expect(again.sent.map((s) => s.cypher)).toEqual(['CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition', 'SHOW CONSTRAINTS', 'SHOW INDEXES']);
  });

  it('a rule another server created first ("already exists") is not an error', async () => {
    const err = Object.assign(new Error('An equivalent constraint already exists'), { code: 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists' });
    const d = recordingDriver(
      serverOf('4.2.0', (cypher) => {
        if (cypher.startsWith('CREATE CONSTRAINT pg_policy_graph_id')) throw err;
        return [];
      }),
    );
    const store = await openNeo4jStore(config, { factory: d.factory });
    expect(d.sent.filter((s) => s.cypher.startsWith('CREATE')).length).toBe(4);
    await store.close();
  });

  it('3.4 is refused in one line naming the version and the minimum, and the driver is closed', async () => {
    const d = recordingDriver(serverOf('3.4.18'));
    const err = await openNeo4jStore(config, { factory: d.factory }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toBe('Neo4j 3.4.18 is not supported: the minimum is Neo4j 3.5');
    expect(d.closed()).toBe(true);
  });

  it('NEO4J_DATABASE on a 3.5 server (one database only) names NEO4J_DATABASE, not the URI', async () => {
    const d = recordingDriver(serverOf('3.5.6'));
    const err = await openNeo4jStore({ ...config, database: 'policy' }, { factory: d.factory }).catch((e: unknown) => e);
    expect([(err as StoreUnavailableError).hint, (err as Error).message]).toEqual([
      'NEO4J_DATABASE',
      'Neo4j 3.5.6 at bolt://db.example:7687 has a single database: unset NEO4J_DATABASE (it is "policy")',
    ]);
    // The version was read on the default database; no session ever named one.
    expect(d.sent.every((s) => s.session['database'] === undefined)).toBe(true);
  });

  it('NEO4J_DATABASE on 4.4 is checked in a session on that database, and every later session names it', async () => {
    const d = recordingDriver(serverOf('4.4.30'));
    const store = await openNeo4jStore({ ...config, database: 'policy' }, { factory: d.factory });
    expect(d.sent[1]).toMatchObject({ cypher: 'RETURN 1', session: { database: 'policy' } });
    await store.counts();
    expect(d.sent.at(-1)).toMatchObject({ via: 'read', session: { database: 'policy', defaultAccessMode: 'READ' } });
    await store.clear();
    // Reads and writes chain causally through one bookmark manager (a follower waits to catch up).
    const managers = new Set(d.sent.filter((s) => s.via !== 'auto').map((s) => s.session['bookmarkManager']));
    expect([managers.size, [...managers][0] !== undefined]).toEqual([1, true]);
    await store.close();
  });

  it('uses short driver timeouts so a dropped server fails within the deadlines', async () => {
    const d = recordingDriver(serverOf('5.26.0'));
    await (await openNeo4jStore(config, { factory: d.factory })).close();
    expect(d.configs).toEqual([DRIVER_CONFIG]);
    expect(DRIVER_CONFIG.maxTransactionRetryTime).toBeLessThanOrEqual(1_000);
    expect(DEFAULT_DEADLINES.revisionMs + DEFAULT_DEADLINES.readMs).toBeLessThan(2_000);
  });
});

describe('Neo4j revision counter (recorded statements)', () => {
  it('every write bumps the revision first, in the same transaction', async () => {
    const d = recordingDriver(serverOf('5.26.0', (_c, params) => [{ c: Array.isArray(params['rows']) ? params['rows'].length : 0, revision: 1 }]));
    const store = await openNeo4jStore(config, { factory: d.factory });
    const before = d.sent.length;
    await store.loadGraph(smallGraph());
    await store.clear();
    const writes = d.sent.slice(before);
    const txs = [...new Set(writes.map((s) => s.tx))];
    expect(txs.length).toBe(2);
    for (const tx of txs) {
      const inTx = writes.filter((s) => s.tx === tx);
      expect(inTx.every((s) => s.via === 'write')).toBe(true);
      expect(inTx[0]).toMatchObject({
        cypher: 'MERGE (m:PolicyGraphMeta {graph: $graph}) SET m.revision = coalesce(m.revision, 0) + 1 RETURN m.revision AS revision',
        params: { graph: 'policy_graph' },
      });
    }
    await store.close();
  });

  it('reads the counter in a read transaction; concurrent checks share one statement', async () => {
    let rev = 7;
    const d = recordingDriver(serverOf('5.26.0', (cypher) => (cypher.includes('m.revision AS revision') ? [{ revision: rev }] : [])));
    const store = await openNeo4jStore(config, { factory: d.factory });
    const before = d.sent.length;
    expect(await Promise.all([store.revision(), store.revision(), store.revision()])).toEqual([7, 7, 7]);
    expect(d.sent.slice(before)).toEqual([
      expect.objectContaining({ cypher: 'MATCH (m:PolicyGraphMeta {graph: $graph}) RETURN m.revision AS revision', params: { graph: 'policy_graph' }, via: 'read' }),
    ]);
    rev = 8; // another app server wrote
    expect(await store.revision()).toBe(8);
    await store.close();
  });

  it('a graph never written to is at revision 0', async () => {
    const d = recordingDriver(serverOf('5.26.0'));
    const store = await openNeo4jStore(config, { factory: d.factory });
    expect(await store.revision()).toBe(0);
    await store.close();
  });
});

describe('Neo4j deadlines (a server that never answers)', () => {
  const silentAfterStart = (version: string): Answer => serverOf(version, (cypher) => (cypher.startsWith('CREATE') ? [] : new Promise(() => {})));

  it('a read fails within its deadline with the 503 message naming NEO4J_URI', async () => {
    const d = recordingDriver(silentAfterStart('5.26.0'));
    const store = await openNeo4jStore(config, { factory: d.factory, deadlines: { ...DEFAULT_DEADLINES, readMs: 150 } });
    const t0 = performance.now();
    const err = await store.search('局').catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect([err instanceof StoreUnavailableError, (err as Error).message]).toEqual([true, 'Neo4j at bolt://db.example:7687 did not answer within 150 ms: check NEO4J_URI and that the server is running']);
    await store.close();
  });

  it('a failed revision check fails the next ones at once instead of waiting again', async () => {
    const d = recordingDriver(silentAfterStart('5.26.0'));
    const store = await openNeo4jStore(config, { factory: d.factory, deadlines: { ...DEFAULT_DEADLINES, revisionMs: 100 } });
    await expect(store.revision()).rejects.toThrow('did not answer within 100 ms');
    const sentBefore = d.sent.length;
    const t0 = performance.now();
    await expect(store.revision()).rejects.toThrow(StoreUnavailableError);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(d.sent.length).toBe(sentBefore);
    await store.close();
  });

  it('start-up against a silent server fails within the connect deadline', async () => {
    const d = recordingDriver(() => new Promise(() => {}));
    const err = await openNeo4jStore(config, { factory: d.factory, deadlines: { ...DEFAULT_DEADLINES, connectMs: 120 } }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('Neo4j at bolt://db.example:7687 did not answer within 120 ms: check NEO4J_URI and that the server is running');
    expect(d.closed()).toBe(true);
  });
});
