import type { GraphJson, GraphNode } from '../../model/index.ts';
import { sortGraphJson } from '../../model/index.ts';
import type { AgencyWorkload, Counts, DegreeByType, GraphStore, LoadSummary, NeighborOptions, PathOptions, PathsResult, SearchOptions, SearchResult, Subgraph, TraceResult, WorkloadOptions, DocumentReplacement } from '../types.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { checkLimit, checkQuery, checkReferences, parseGraphJson } from '../validate.ts';
import * as analyses from './analyses.ts';
import type { Deadlines, DriverFactory, Neo4jConfig, Query } from './connection.ts';
import { Neo4jClient } from './connection.ts';
import * as reads from './reads.ts';
import { isAlreadyExists } from './errors.ts';
import { parseExisting, readSchemaStatements, schemaGeneration, schemaStatements } from './schema.ts';
import { bumpRevision, deleteAll, documentKnown, loadAll, replaceDoc } from './writes.ts';

/**
 * The GraphStore on Neo4j 3.5 to 5 and the calendar versions. Node identity is our own `id`
 * property under this graph's label (NEO4J_GRAPH); every write is one transaction that also bumps
 * the graph's revision; labels and relationship types come only from the model's allow-lists.
 */
/** After a failed revision check, further checks fail at once for this long, then try again. */
const REVISION_RETRY_MS = 1_000;

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /** The revision check in flight: concurrent requests share one round trip. */
  private pendingRevision: Promise<number> | null = null;
  private revisionFailure: { at: number; err: unknown } | null = null;

  constructor(private readonly client: Neo4jClient) {}

  /** Read what exists, then create only what is missing (the only way on 3.5 and 4.0–4.3). */
  async ensureSchema(): Promise<string[]> {
    const [constraints, indexes] = readSchemaStatements(schemaGeneration(this.client.version));
    const existing = parseExisting(await this.client.run(constraints), await this.client.run(indexes));
    const statements = schemaStatements(this.client.version, this.client.label, existing);
    for (const statement of statements) {
      // Another app server may have created it between our read and this statement.
      await this.client.run(statement, isAlreadyExists);
    }
    return statements;
  }

  /**
   * The graph's revision counter, read from the database so writes by other app servers are
   * seen at the next check. A check already under way is shared; it waits at most the
   * revision deadline, so a silent server costs a cached read that much and no more.
   */
  readonly revision = (): Promise<number> => {
    // Just failed: say so at once rather than wait on a silent server again for every request.
    if (this.revisionFailure && performance.now() - this.revisionFailure.at < REVISION_RETRY_MS) return Promise.reject(this.revisionFailure.err);
    this.pendingRevision ??= this.client
      .read(reads.revision, this.client.deadlines.revisionMs)
      .then(
        (rev) => {
          this.revisionFailure = null;
          return rev;
        },
        (err: unknown) => {
          this.revisionFailure = { at: performance.now(), err };
          throw err;
        },
      )
      .finally(() => {
        this.pendingRevision = null;
      });
    return this.pendingRevision;
  };

  /** Every write: one transaction that bumps the revision first (and so queues behind other writers of this graph). */
  private write<T>(work: (q: Query) => Promise<T>): Promise<T> {
    return this.client.write(async (q) => {
      await bumpRevision(q);
      return work(q);
    });
  }

  async loadGraph(graph: GraphJson): Promise<LoadSummary> {
    const t0 = performance.now();
    const json = checkReferences(parseGraphJson(graph));
    const summary = await this.write((q) => loadAll(q, json));
    return { ...summary, ms: performance.now() - t0 };
  }

  async replaceDocument(doc: string, fragment: GraphJson): Promise<LoadSummary> {
    const t0 = performance.now();
    if (!doc) throw new InvalidInputError('document name is empty', 'doc');
    const json = parseGraphJson(fragment, 'fragment');
    const summary = await this.write((q) => replaceDoc(q, doc, json));
    return { ...summary, ms: performance.now() - t0 };
  }

  /** One transaction per document: each is already incremental on the server. */
  async replaceDocuments(batch: readonly DocumentReplacement[]): Promise<(LoadSummary | Error)[]> {
    const out: (LoadSummary | Error)[] = [];
    for (const { doc, fragment } of batch) {
      try {
        out.push(await this.replaceDocument(doc, fragment));
      } catch (err) {
        if (!(err instanceof InvalidInputError)) throw err; // the store is down: not one document's fault
        out.push(err);
      }
    }
    return out;
  }

  async removeDocument(doc: string): Promise<LoadSummary> {
    const t0 = performance.now();
    const summary = await this.write(async (q) => {
      if (!(await documentKnown(q, doc))) throw new NotFoundError('document', doc);
      return replaceDoc(q, doc, { nodes: [], edges: [] });
    });
    return { ...summary, ms: performance.now() - t0 };
  }

  async clear(): Promise<void> {
    await this.write(deleteAll);
  }

  getNode(id: string): Promise<GraphNode> {
    return this.client.read((q) => reads.nodeOrThrow(q, id));
  }

  getNodes(ids: readonly string[]): Promise<GraphNode[]> {
    return this.client.read((q) => reads.nodesById(q, ids));
  }

  degree(id: string): Promise<DegreeByType> {
    return this.client.read((q) => reads.degree(q, id));
  }

  counts(): Promise<Counts> {
    return this.client.read(reads.counts);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const limit = checkLimit(options.limit, 20);
    const text = checkQuery(query);
    return this.client.read((q) => reads.search(q, text, options.types, limit));
  }

  neighbors(id: string, options?: NeighborOptions): Promise<Subgraph> {
    return this.client.read((q) => reads.neighbors(q, id, options));
  }

  shortestPaths(from: string, to: string, options?: PathOptions): Promise<PathsResult> {
    return this.client.read((q) => analyses.shortestPaths(q, from, to, options));
  }

  subgraph(ids: readonly string[], options?: { limit?: number }): Promise<Subgraph> {
    return this.client.read((q) => reads.subgraph(q, ids, options));
  }

  workload(options?: WorkloadOptions): Promise<AgencyWorkload[]> {
    return this.client.read((q) => analyses.workload(q, options));
  }

  trace(technology: string, options?: { limit?: number }): Promise<TraceResult> {
    return this.client.read((q) => analyses.trace(q, technology, options));
  }

  async exportGraph(): Promise<GraphJson> {
    return sortGraphJson(await this.client.read(reads.exportAll));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** Connect, verify, and create the schema; any failure is a one-line StoreUnavailableError. */
export async function openNeo4jStore(config: Neo4jConfig, options: { deadlines?: Deadlines; factory?: DriverFactory } = {}): Promise<Neo4jGraphStore> {
  const client = await Neo4jClient.connect(config, options.deadlines, options.factory);
  const store = new Neo4jGraphStore(client);
  try {
    await store.ensureSchema();
  } catch (err) {
    await client.close();
    throw err;
  }
  return store;
}
