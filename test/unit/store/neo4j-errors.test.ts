import { describe, expect, it } from 'vitest';
import { createStore } from '../../../graph/store/create-store.ts';
import { NotFoundError, StoreUnavailableError } from '../../../graph/store/errors.ts';
import { toStoreError } from '../../../graph/store/neo4j/errors.ts';
import { schemaStatements } from '../../../graph/store/neo4j/schema.ts';
import { parseVersion } from '../../../graph/store/neo4j/connection.ts';

const target = { uri: 'neo4j://db.example:7687', user: 'neo4j', database: 'policy' };

describe('Neo4j connection failures', () => {
  it('an unreachable server fails fast with a one-line message naming the URI and NEO4J_URI', async () => {
    const t0 = Date.now();
    const err = await createStore({ kind: 'neo4j', dataDir: 'data', uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    const message = (err as Error).message;
    expect(message).toContain('bolt://127.0.0.1:1');
    expect(message).toContain('NEO4J_URI');
    expect(message).not.toContain('\n');
    expect(message).toMatch(/unreachable \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('maps wrong credentials, a missing database and other failures to the variable to fix', () => {
    const auth = toStoreError({ code: 'Neo.ClientError.Security.Unauthorized', message: 'The client is unauthorized' }, target);
    expect([auth instanceof StoreUnavailableError, auth.message]).toEqual([true, 'Neo4j at neo4j://db.example:7687 rejected user "neo4j": check NEO4J_PASSWORD (and NEO4J_USER)']);
    const db = toStoreError({ code: 'Neo.ClientError.Database.DatabaseNotFound', message: 'Database does not exist.\nDatabase name: policy' }, target);
    expect(db.message).toBe('Neo4j at neo4j://db.example:7687 has no database "policy": check NEO4J_DATABASE');
    const down = toStoreError({ code: 'ServiceUnavailable', message: 'Could not perform discovery.\nNo routing servers available.' }, target);
    expect(down.message).toBe('Neo4j at neo4j://db.example:7687 is unreachable (Could not perform discovery.): check NEO4J_URI and that the server is running');
    const refused = { code: 'ServiceUnavailable', message: 'Could not perform discovery.', cause: { message: 'Failed to connect. Note that… Caused by: getaddrinfo ENOTFOUND db.example' } };
    expect(toStoreError(refused, target).message).toContain('(getaddrinfo ENOTFOUND db.example)');
    expect(toStoreError(new Error('boom'), target).message).toBe('Neo4j at neo4j://db.example:7687 failed: boom');
  });

  it('lets the store\'s own errors through unchanged', () => {
    const own = new NotFoundError('node', 'x');
    expect(toStoreError(own, target)).toBe(own);
  });
});

describe('Neo4j schema by server version', () => {
  it('uses FOR … REQUIRE from 4.4 on and ON … ASSERT before, always IF NOT EXISTS', () => {
    for (const v of ['5.26.0', '4.4.30', '2025.01.0']) {
      const s = schemaStatements(parseVersion(v));
      expect(s).toContain('CREATE CONSTRAINT pg_agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE');
    }
    expect(schemaStatements(parseVersion('4.3.0'))).toContain('CREATE CONSTRAINT pg_agency_id IF NOT EXISTS ON (n:Agency) ASSERT n.id IS UNIQUE');
    const all = schemaStatements(parseVersion('5.0.0'));
    expect(all.every((s) => s.includes('IF NOT EXISTS'))).toBe(true);
    expect(all).toContain('CREATE INDEX pg_task_name IF NOT EXISTS FOR (n:Task) ON (n.name)');
  });
});
