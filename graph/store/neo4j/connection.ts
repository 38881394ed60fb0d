import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, SessionConfig } from 'neo4j-driver';
import type { Neo4jTarget } from './errors.ts';
import { toStoreError } from './errors.ts';

export interface Neo4jConfig extends Neo4jTarget {
  password: string | undefined;
}

export type Row = Record<string, unknown>;
/** Run one parameterised statement inside the current transaction. */
export type Query = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

export interface ServerVersion {
  text: string;
  major: number;
  minor: number;
}

export function parseVersion(text: string): ServerVersion {
  const [major = 0, minor = 0] = text.split('.').map((p) => Number.parseInt(p, 10) || 0);
  return { text, major, minor };
}

const asQuery =
  (tx: ManagedTransaction): Query =>
  async (cypher, params = {}) =>
    (await tx.run(cypher, params)).records.map((r) => r.toObject() as Row);

/**
 * The one owner of the driver. Every read runs in one read transaction and every write in one
 * write transaction, so a failure rolls back whole; driver errors leave as StoreUnavailableError.
 */
export class Neo4jClient {
  private constructor(
    private readonly driver: Driver,
    readonly target: Neo4jTarget,
    readonly version: ServerVersion,
  ) {}

  /** Connect and prove it: credentials, database and version in one round trip. */
  static async connect(config: Neo4jConfig): Promise<Neo4jClient> {
    let driver: Driver | undefined;
    try {
      // No password: connect without credentials (a server with auth disabled).
      const auth = config.password === undefined ? undefined : neo4j.auth.basic(config.user, config.password);
      driver = neo4j.driver(config.uri, auth, {
        disableLosslessIntegers: true, // counts come back as plain numbers
        connectionTimeout: 5_000,
        connectionAcquisitionTimeout: 10_000,
        maxTransactionRetryTime: 5_000,
      });
      // Auto-commit, not executeRead: a managed transaction would retry an unreachable server
      // for seconds; start-up should fail at once.
      const session = driver.session(config.database ? { database: config.database } : {});
      const result = await session.run('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition').finally(() => session.close());
      const version = parseVersion(String(result.records[0]?.get('version') ?? '0'));
      return new Neo4jClient(driver, config, version);
    } catch (err) {
      await driver?.close().catch(() => undefined);
      throw toStoreError(err, config);
    }
  }

  /** A database is named only when NEO4J_DATABASE is set; otherwise the server's default. */
  private sessionConfig(mode: 'READ' | 'WRITE'): SessionConfig {
    const accessMode = mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE;
    return this.target.database ? { defaultAccessMode: accessMode, database: this.target.database } : { defaultAccessMode: accessMode };
  }

  async read<T>(work: (q: Query) => Promise<T>): Promise<T> {
    const session = this.driver.session(this.sessionConfig('READ'));
    try {
      return await session.executeRead((tx) => work(asQuery(tx)));
    } catch (err) {
      throw toStoreError(err, this.target);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (q: Query) => Promise<T>): Promise<T> {
    const session = this.driver.session(this.sessionConfig('WRITE'));
    try {
      return await session.executeWrite((tx) => work(asQuery(tx)));
    } catch (err) {
      throw toStoreError(err, this.target);
    } finally {
      await session.close();
    }
  }

  /** Auto-commit statement: schema changes cannot share a transaction with data writes. */
  async run(cypher: string): Promise<void> {
    const session = this.driver.session(this.sessionConfig('WRITE'));
    try {
      await session.run(cypher);
    } catch (err) {
      throw toStoreError(err, this.target);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
