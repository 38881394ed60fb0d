import neo4j from 'neo4j-driver';
import type { SessionConfig } from 'neo4j-driver';
import { StoreUnavailableError } from '../errors.ts';
import type { Neo4jTarget } from './errors.ts';
import { toStoreError } from './errors.ts';
import { DEFAULT_GRAPH, graphLabel } from './namespace.ts';
import { schemaGeneration } from './schema.ts';

export interface Neo4jConfig extends Neo4jTarget {
  password: string | undefined;
  /** NEO4J_GRAPH: the label of this graph's nodes (default policy_graph). */
  graph?: string | undefined;
}

export type Row = Record<string, unknown>;
/** Run one parameterised statement inside the current transaction; `label` is this graph's node label. */
export interface Query {
  (cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
  readonly label: string;
}

export interface ServerVersion {
  text: string;
  major: number;
  minor: number;
}

export function parseVersion(text: string): ServerVersion {
  const [major = 0, minor = 0] = text.split('.').map((p) => Number.parseInt(p, 10) || 0);
  return { text, major, minor };
}

// The few driver surfaces used, so tests can stand in a recording driver.
interface RecordLike {
  toObject(): object;
}
interface ResultLike {
  records: RecordLike[];
}
export interface TxLike {
  run(cypher: string, params?: Record<string, unknown>): PromiseLike<ResultLike>;
}
interface TxConfig {
  timeout?: number;
}
export interface SessionLike {
  run(cypher: string, params?: Record<string, unknown>, config?: TxConfig): PromiseLike<ResultLike>;
  executeRead<T>(work: (tx: TxLike) => Promise<T>, config?: TxConfig): Promise<T>;
  executeWrite<T>(work: (tx: TxLike) => Promise<T>, config?: TxConfig): Promise<T>;
  close(): Promise<void>;
}
export interface DriverLike {
  session(config: SessionConfig): SessionLike;
  close(): Promise<void>;
}

/** How long each kind of call may take before it is reported as the server not answering. */
export interface Deadlines {
  /** Start-up: version, database and schema checks (TLS to a cloud server takes a while). */
  connectMs: number;
  /** One read transaction, retries included: a read during an outage fails within this. */
  readMs: number;
  /** One revision check: the response cache waits this long before serving uncached. */
  revisionMs: number;
}
export const DEFAULT_DEADLINES: Deadlines = { connectMs: 5_000, readMs: 1_200, revisionMs: 150 };

/**
 * Driver settings: a refused or dropped connection surfaces within a second. The driver's own
 * retries are off (its first wait alone is a second); `retrying` retries the errors the driver
 * calls retryable (a cluster changing leader, a deadlock) on a shorter schedule instead. A server
 * that accepts and never answers is covered by the deadlines: the driver has no timeout of its
 * own for a silent handshake.
 */
export const DRIVER_CONFIG = {
  disableLosslessIntegers: true, // counts come back as plain numbers
  connectionTimeout: 1_000,
  connectionAcquisitionTimeout: 1_500,
  maxTransactionRetryTime: 0,
} as const;

/** How long reads and writes keep retrying retryable errors: reads must fail within their deadline. */
const RETRY_BUDGET_MS = { read: 600, write: 3_000 } as const;

/** Run `attempt` again after 100, 200, 400 … ms while the error is retryable and the budget allows. */
export async function retrying<T>(attempt: () => Promise<T>, budgetMs: number): Promise<T> {
  const t0 = performance.now();
  for (let delay = 100; ; delay *= 2) {
    try {
      return await attempt();
    } catch (err) {
      if (!neo4j.isRetryableError(err as Error) || performance.now() - t0 + delay > budgetMs) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

const asQuery = (tx: TxLike, label: string): Query =>
  Object.assign(async (cypher: string, params: Record<string, unknown> = {}) => (await tx.run(cypher, params)).records.map((r) => r.toObject() as Row), { label });

/** Rejects with a StoreUnavailableError after `ms`; the timer never keeps the process alive. */
function withDeadline<T>(work: Promise<T>, ms: number, target: Neo4jTarget): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`Neo4j at ${target.uri} did not answer within ${ms} ms: check NEO4J_URI and that the server is running`, 'NEO4J_URI')), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export type DriverFactory = (uri: string, auth: ReturnType<typeof neo4j.auth.basic> | undefined, config: typeof DRIVER_CONFIG) => DriverLike;
const realDriver: DriverFactory = (uri, auth, config) => neo4j.driver(uri, auth, config) as unknown as DriverLike;

/**
 * The one owner of the driver. Every read runs in one read transaction (routed to a follower on
 * a cluster) and every write in one write transaction, so a failure rolls back whole; driver
 * errors leave as StoreUnavailableError.
 */
export class Neo4jClient {
  private constructor(
    private readonly driver: DriverLike,
    readonly target: Neo4jTarget,
    readonly version: ServerVersion,
    readonly label: string,
    readonly deadlines: Deadlines,
  ) {}

  /** Connect and prove it: version first (on the default database), then credentials and database. */
  static async connect(config: Neo4jConfig, deadlines: Deadlines = DEFAULT_DEADLINES, factory: DriverFactory = realDriver): Promise<Neo4jClient> {
    const label = graphLabel(config.graph ?? DEFAULT_GRAPH);
    let driver: DriverLike | undefined;
    try {
      // No password: connect without credentials (a server with auth disabled).
      const auth = config.password === undefined ? undefined : neo4j.auth.basic(config.user, config.password);
      const d = (driver = factory(config.uri, auth, DRIVER_CONFIG));
      const version = await withDeadline(readVersion(d), deadlines.connectMs, config);
      schemaGeneration(version); // too old: one line naming the version and the minimum
      if (config.database) {
        if (version.major < 4) throw new StoreUnavailableError(`Neo4j ${version.text} at ${config.uri} has a single database: unset NEO4J_DATABASE (it is "${config.database}")`, 'NEO4J_DATABASE');
        const session = d.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
        await withDeadline(Promise.resolve(session.run('RETURN 1')).finally(() => session.close()), deadlines.connectMs, config);
      }
      return new Neo4jClient(d, config, version, label, deadlines);
    } catch (err) {
      await driver?.close().catch(() => undefined);
      throw toStoreError(err, config);
    }
  }

  /**
   * Causal chaining across every session of this store: on a cluster, a read routed to a
   * follower waits until it has what this process last saw (a revision check, a write), so an
   * answer is never older than the revision it is cached under.
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  /** A database is named only when NEO4J_DATABASE is set; otherwise the server's default. */
  private sessionConfig(mode: 'READ' | 'WRITE'): SessionConfig {
    const defaultAccessMode = mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE;
    const base = { defaultAccessMode, bookmarkManager: this.bookmarks };
    return this.target.database ? { ...base, database: this.target.database } : base;
  }

  /** One read transaction under a deadline; the server is told the same limit. */
  async read<T>(work: (q: Query) => Promise<T>, ms = this.deadlines.readMs): Promise<T> {
    const session = this.driver.session(this.sessionConfig('READ'));
    try {
      return await withDeadline(
        retrying(() => session.executeRead((tx) => work(asQuery(tx, this.label)), { timeout: ms }), Math.min(RETRY_BUDGET_MS.read, ms / 2)),
        ms,
        this.target,
      );
    } catch (err) {
      throw toStoreError(err, this.target);
    } finally {
      // Not awaited: a session stuck on a silent server must not hold the answer back.
      session.close().catch(() => undefined);
    }
  }

  /** One write transaction; no deadline, since loads are long; a refused connection fails within the retry budget. */
  async write<T>(work: (q: Query) => Promise<T>): Promise<T> {
    const session = this.driver.session(this.sessionConfig('WRITE'));
    try {
      return await retrying(() => session.executeWrite((tx) => work(asQuery(tx, this.label))), RETRY_BUDGET_MS.write);
    } catch (err) {
      throw toStoreError(err, this.target);
    } finally {
      await session.close();
    }
  }

  /**
   * Auto-commit statement: schema reads and changes cannot share a transaction with data writes.
   * A driver error that `tolerate` accepts answers no rows instead of failing.
   */
  async run(cypher: string, tolerate: (err: unknown) => boolean = () => false): Promise<Row[]> {
    const session = this.driver.session(this.sessionConfig('WRITE'));
    try {
      const result = await withDeadline(Promise.resolve(session.run(cypher)), this.deadlines.connectMs, this.target);
      return result.records.map((r) => r.toObject() as Row);
    } catch (err) {
      if (tolerate(err)) return [];
      throw toStoreError(err, this.target);
    } finally {
      session.close().catch(() => undefined);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** Auto-commit, not executeRead: a managed transaction would retry an unreachable server. */
async function readVersion(driver: DriverLike): Promise<ServerVersion> {
  const session = driver.session({});
  try {
    const result = await session.run('CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition');
    const row = (result.records[0]?.toObject() ?? {}) as Row;
    return parseVersion(String(row['version'] ?? '0'));
  } finally {
    session.close().catch(() => undefined);
  }
}
