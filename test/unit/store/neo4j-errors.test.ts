import { Neo4jError, error as driverCodes } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../graph/store/create-store.ts';
import { NotFoundError, StoreUnavailableError } from '../../../graph/store/errors.ts';
import { isAlreadyExists, toStoreError } from '../../../graph/store/neo4j/errors.ts';

// Real driver error objects, built the way the driver builds them (code, then GQL status).
const driverError = (message: string, code: string, cause?: Error) => new Neo4jError(message, code, '50N42', 'error: general processing exception', undefined, cause);

const routed = { uri: 'neo4j://db.example:7687', user: 'neo4j', database: 'policy' };
const direct = { uri: 'bolt://db.example:7687', user: 'reader', database: undefined };

describe('Neo4j connection failures', () => {
  it('an unreachable server fails fast with a one-line message naming the URI and NEO4J_URI', async () => {
    const t0 = Date.now();
    const err = await createStore({ kind: 'neo4j', dataDir: 'data', uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined, graph: 'policy_graph' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    const message = (err as Error).message;
    expect(message).toContain('bolt://127.0.0.1:1');
    expect(message).toContain('NEO4J_URI');
    expect(message).not.toContain('\n');
    expect(message).toMatch(/unreachable \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe('Neo4j error codes → the variable to fix', () => {
  it('Unauthorized and the rate limit after it name NEO4J_PASSWORD', () => {
    for (const code of ['Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit']) {
      const e = toStoreError(driverError('The client is unauthorized due to authentication failure.', code), direct);
      expect([e instanceof StoreUnavailableError, (e as StoreUnavailableError).hint, e.message]).toEqual([
        true,
        'NEO4J_PASSWORD',
        'Neo4j at bolt://db.example:7687 rejected user "reader": check NEO4J_PASSWORD (and NEO4J_USER)',
      ]);
    }
  });

  it('DatabaseNotFound names NEO4J_DATABASE and the database asked for', () => {
    const e = toStoreError(driverError('Database does not exist. Database name: \'policy\'.', 'Neo.ClientError.Database.DatabaseNotFound'), routed);
    expect([(e as StoreUnavailableError).hint, e.message]).toEqual(['NEO4J_DATABASE', 'Neo4j at neo4j://db.example:7687 has no database "policy": check NEO4J_DATABASE']);
  });

  it('a message that merely contains "connected" is not taken for an outage', () => {
    // The driver's single-database refusal: code N/A, wording about being connected.
    const e = toStoreError(driverError('Driver is connected to the database that does not support multiple databases.', 'N/A'), routed);
    expect(e.message).toBe('Neo4j at neo4j://db.example:7687 failed: Driver is connected to the database that does not support multiple databases.');
    expect(e.message).not.toContain('unreachable');
  });

  it('ServiceUnavailable and SessionExpired name NEO4J_URI with the socket reason from the cause chain', () => {
    const socket = driverError('Failed to connect to server. Caused by: connect ECONNREFUSED 10.0.0.9:7687', driverCodes.SERVICE_UNAVAILABLE);
    const e = toStoreError(driverError('Could not perform discovery. No routing servers available.', driverCodes.SERVICE_UNAVAILABLE, socket), routed);
    expect([(e as StoreUnavailableError).hint, e.message]).toEqual([
      'NEO4J_URI',
      'Neo4j at neo4j://db.example:7687 is unreachable (connect ECONNREFUSED 10.0.0.9:7687): check NEO4J_URI (for a single server, bolt://db.example:7687 skips routing) and that the server is running',
    ]);
    const expired = toStoreError(driverError('The session is no longer valid.', driverCodes.SESSION_EXPIRED), direct);
    expect(expired.message).toBe('Neo4j at bolt://db.example:7687 is unreachable (The session is no longer valid.): check NEO4J_URI and that the server is running');
  });

  it('a routing request a single server cannot answer suggests bolt:// (TLS kept)', () => {
    const notFound = driverError('There is no procedure with the name `dbms.routing.getRoutingTable` registered.', 'Neo.ClientError.Procedure.ProcedureNotFound');
    const e = toStoreError(driverError("Server at db.example:7687 can't perform routing.", driverCodes.SERVICE_UNAVAILABLE, notFound), { ...routed, uri: 'neo4j+s://db.example:7687' });
    expect([(e as StoreUnavailableError).hint, e.message]).toEqual(['NEO4J_URI', 'Neo4j at neo4j+s://db.example:7687 is a single server that cannot route: use bolt+s://db.example:7687 in NEO4J_URI']);
  });

  it('Forbidden names NEO4J_USER; a database not online names NEO4J_DATABASE; transient errors say try again', () => {
    expect(toStoreError(driverError('Write operations are not allowed for user.', 'Neo.ClientError.Security.Forbidden'), direct).message).toBe(
      'Neo4j at bolt://db.example:7687: user "reader" may not do this (Write operations are not allowed for user.): check NEO4J_USER',
    );
    expect((toStoreError(driverError('Database policy is unavailable.', 'Neo.TransientError.General.DatabaseUnavailable'), routed) as StoreUnavailableError).hint).toBe('NEO4J_DATABASE');
    expect(toStoreError(driverError('Deadlock detected.', 'Neo.TransientError.Transaction.DeadlockDetected'), direct).message).toBe(
      'Neo4j at bolt://db.example:7687 is busy (Neo.TransientError.Transaction.DeadlockDetected): try again',
    );
  });

  it('anything else keeps its code and first line; plain errors their message', () => {
    expect(toStoreError(driverError('Invalid input \'p\'', 'Neo.ClientError.Statement.SyntaxError'), direct).message).toBe(
      "Neo4j at bolt://db.example:7687 failed (Neo.ClientError.Statement.SyntaxError): Invalid input 'p'",
    );
    expect(toStoreError(new Error('boom'), direct).message).toBe('Neo4j at bolt://db.example:7687 failed: boom');
  });

  it("lets the store's own errors through unchanged", () => {
    const own = new NotFoundError('node', 'x');
    expect(toStoreError(own, routed)).toBe(own);
  });

  it('recognises "already exists" schema codes, also wrapped', () => {
    expect(isAlreadyExists(driverError('An equivalent constraint already exists', 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists'))).toBe(true);
    expect(isAlreadyExists(driverError('x', 'Neo.ClientError.Statement.SyntaxError'))).toBe(false);
  });
});
