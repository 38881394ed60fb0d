import type { GraphJson, GraphNode } from '../../model/index.ts';
import { sortGraphJson } from '../../model/index.ts';
import type { AgencyWorkload, Counts, DegreeByType, GraphStore, LoadSummary, NeighborOptions, PathOptions, PathsResult, SearchOptions, SearchResult, Subgraph, TraceResult, WorkloadOptions, DocumentReplacement } from '../types.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { checkLimit, checkQuery, checkReferences, parseGraphJson } from '../validate.ts';
import * as analyses from './analyses.ts';
import type { Neo4jConfig } from './connection.ts';
import { Neo4jClient } from './connection.ts';
import * as reads from './reads.ts';
import { schemaStatements } from './schema.ts';
import { deleteAll, documentKnown, loadAll, replaceDoc } from './writes.ts';

/**
 * The GraphStore on Neo4j 5 (and 4.4). Node identity is our own `id` property; every write is
 * one transaction; labels and relationship types come only from the model's allow-lists.
 */
export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  constructor(private readonly client: Neo4jClient) {}

  async ensureSchema(): Promise<void> {
    for (const statement of schemaStatements(this.client.version)) await this.client.run(statement);
  }

  async loadGraph(graph: GraphJson): Promise<LoadSummary> {
    const t0 = performance.now();
    const json = checkReferences(parseGraphJson(graph));
    const summary = await this.client.write((q) => loadAll(q, json));
    return { ...summary, ms: performance.now() - t0 };
  }

  async replaceDocument(doc: string, fragment: GraphJson): Promise<LoadSummary> {
    const t0 = performance.now();
    if (!doc) throw new InvalidInputError('document name is empty', 'doc');
    const json = parseGraphJson(fragment, 'fragment');
    const summary = await this.client.write((q) => replaceDoc(q, doc, json));
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
    const summary = await this.client.write(async (q) => {
      if (!(await documentKnown(q, doc))) throw new NotFoundError('document', doc);
      return replaceDoc(q, doc, { nodes: [], edges: [] });
    });
    return { ...summary, ms: performance.now() - t0 };
  }

  async clear(): Promise<void> {
    await this.client.write(deleteAll);
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
export async function openNeo4jStore(config: Neo4jConfig): Promise<Neo4jGraphStore> {
  const client = await Neo4jClient.connect(config);
  const store = new Neo4jGraphStore(client);
  try {
    await store.ensureSchema();
  } catch (err) {
    await client.close();
    throw err;
  }
  return store;
}
