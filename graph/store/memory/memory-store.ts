import type { GraphJson, GraphNode } from '../../model/index.ts';
import type { Counts, DegreeByType, DocumentReplacement, GraphStore, LoadSummary, NeighborOptions, PathOptions, PathsResult, SearchOptions, SearchResult, Subgraph, TraceResult, WorkloadOptions, AgencyWorkload } from '../types.ts';
import { InvalidInputError, NotFoundError, StoreUnavailableError } from '../errors.ts';
import { checkLimit, checkQuery, parseGraphJson } from '../validate.ts';
import { GraphState } from './graph-state.ts';
import { neighbors } from './neighbors.ts';
import { shortestPaths } from './paths.ts';
import { degree, subgraph, trace } from './queries.ts';
import { applyDocumentReplaces } from './replace-document.ts';
import { Commit, type CommitParticipant } from '../data-dir/commit.ts';
import { diskStamp, EMPTY_DISK, readPersisted, stageWrites, type DiskState, type PendingWrite } from './persistence.ts';
import { snapshotPath } from './snapshot.ts';

/**
 * The embedded store: the graph in this process (id-sorted lists, a CSR adjacency and a search
 * index, graph-state.ts), persisted to `<dataDir>/graph.json` and a log of later replacements
 * (persistence.ts). Writes are serialised; each builds a complete new state, commits it, then
 * swaps, so readers see the old graph or the new one and a failed write changes nothing.
 * Inside `deferWrites` the commits wait for the caller, who makes them together with its own
 * files (the document library) in one `Commit`.
 */
export class MemoryGraphStore implements GraphStore {
  readonly kind = 'memory' as const;
  private state = GraphState.empty();
  private writes: Promise<unknown> = Promise.resolve();
  private rev = 0;
  private disk: DiskState = EMPTY_DISK;
  /** Set inside deferWrites: the state last committed and what was written since. */
  private deferred: { base: GraphState; pending: PendingWrite[] } | null = null;
  /** Bumped on every swap of the graph: lets callers cache what they derived from it. */
  readonly revision = (): number => this.rev;

  /** `dataDir` null keeps the graph in memory only (tests, one-off runs). */
  constructor(readonly dataDir: string | null) {}

  static async open(dataDir: string | null): Promise<MemoryGraphStore> {
    const store = new MemoryGraphStore(dataDir);
    await store.reloadSnapshot();
    return store;
  }

  /** Re-read the snapshot and its log; if they are missing or corrupt the current graph stays as it is. */
  reloadSnapshot(): Promise<boolean> {
    return this.exclusive(() => this.readDisk());
  }

  /** Re-read only when another process committed since this one last read or wrote. */
  reloadIfChanged(): Promise<boolean> {
    return this.exclusive(async () => {
      // Inside a write of this process (deferWrites) the disk holds nothing newer than this graph.
      if (this.deferred) return false;
      if (!this.dataDir || (await diskStamp(this.dataDir)) === this.disk.stamp) return false;
      return this.readDisk();
    });
  }

  private async readDisk(): Promise<boolean> {
    if (!this.dataDir) return false;
    const path = snapshotPath(this.dataDir);
    const { snapshot, replaces, disk } = await readPersisted(this.dataDir);
    if (!snapshot && replaces.length === 0) return false;
    try {
      let state = GraphState.fromJson(snapshot ?? { nodes: [], edges: [] }, false);
      if (replaces.length > 0) {
        const { graph, outcomes } = applyDocumentReplaces(state, replaces);
        const failed = outcomes.find((o): o is { error: Error } => 'error' in o);
        if (failed) throw failed.error;
        state = GraphState.fromJson(graph, false);
      }
      this.state = state;
      this.disk = disk;
      this.rev++;
    } catch (err) {
      // Valid JSON of the right shape, but duplicate ids or edges to missing nodes.
      throw new StoreUnavailableError(`snapshot ${path} is inconsistent (${(err as Error).message}); the file was kept`);
    }
    return true;
  }

  /**
   * Until the returned participant is ended, writes change the graph in memory only; its
   * `prepare` stages them into the caller's commit, `rolledBack` returns to the last commit.
   */
  deferWrites(): CommitParticipant & { end(): void } {
    this.deferred = { base: this.state, pending: [] };
    let planned: DiskState | null = null;
    return {
      prepare: (tx) =>
        this.exclusive(async () => {
          const d = this.deferred;
          planned = d && d.pending.length > 0 ? await stageWrites(tx, this.disk, d.pending, () => this.state.toJson()) : null;
        }),
      committed: async () => {
        if (planned) this.disk = { ...planned, stamp: this.dataDir ? await diskStamp(this.dataDir) : '' };
        planned = null;
        if (this.deferred) this.deferred = { base: this.state, pending: [] };
      },
      rolledBack: () =>
        this.exclusive(async () => {
          planned = null;
          if (!this.deferred) return;
          if (this.deferred.pending.length > 0) {
            this.state = this.deferred.base;
            this.rev++;
          }
          this.deferred = { base: this.state, pending: [] };
        }),
      end: () => {
        this.deferred = null;
      },
    };
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn, fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async commit(next: GraphState, write: PendingWrite): Promise<void> {
    if (this.dataDir && this.deferred) {
      this.deferred.pending = write.kind === 'load' ? [write] : [...this.deferred.pending, write];
    } else if (this.dataDir) {
      const tx = new Commit(this.dataDir);
      try {
        const planned = await stageWrites(tx, this.disk, [write], () => next.toJson());
        await tx.commit();
        this.disk = { ...planned, stamp: await diskStamp(this.dataDir) };
      } catch (err) {
        await tx.abort();
        throw err;
      }
    }
    this.state = next;
    this.rev++;
  }

  loadGraph(graph: GraphJson): Promise<LoadSummary> {
    return this.exclusive(async () => {
      const t0 = performance.now();
      const before = this.state;
      const next = GraphState.fromJson(graph);
      await this.commit(next, { kind: 'load' });
      let nodesKept = 0;
      let edgesKept = 0;
      for (const n of next.adj.nodes) if (before.node(n.id)) nodesKept++;
      for (const e of next.adj.edges) if (before.hasEdge(e.id)) edgesKept++;
      return {
        nodes: next.order,
        edges: next.size,
        nodesAdded: next.order - nodesKept,
        nodesRemoved: before.order - nodesKept,
        edgesAdded: next.size - edgesKept,
        edgesRemoved: before.size - edgesKept,
        ms: performance.now() - t0,
      };
    });
  }

  async replaceDocument(doc: string, fragment: GraphJson): Promise<LoadSummary> {
    const [result] = await this.replaceDocuments([{ doc, fragment }]);
    if (result instanceof Error) throw result;
    return result!;
  }

  /** The batch is applied to one copy of the graph, indexed and written once. */
  replaceDocuments(batch: readonly DocumentReplacement[]): Promise<(LoadSummary | Error)[]> {
    return this.exclusive(async () => {
      const t0 = performance.now();
      const results: (LoadSummary | Error)[] = [];
      const valid: DocumentReplacement[] = [];
      const at: number[] = [];
      for (const [i, { doc, fragment }] of batch.entries()) {
        try {
          if (!doc) throw new InvalidInputError('document name is empty', 'doc');
          valid.push({ doc, fragment: parseGraphJson(fragment, 'fragment') });
          at.push(i);
        } catch (err) {
          results[i] = err as Error;
        }
      }
      const { graph, outcomes } = applyDocumentReplaces(this.state, valid);
      const next = outcomes.some((o) => 'plan' in o) ? GraphState.fromJson(graph, false) : this.state;
      const applied = valid.filter((_, k) => 'plan' in outcomes[k]!);
      if (next !== this.state) await this.commit(next, { kind: 'replace', batch: applied });
      const ms = performance.now() - t0;
      outcomes.forEach((o, k) => {
        results[at[k]!] =
          'error' in o
            ? o.error
            : {
                nodes: next.order,
                edges: next.size,
                nodesAdded: o.plan.nodesAdded,
                nodesRemoved: o.plan.removeNodes.length,
                edgesAdded: o.plan.edgesAdded,
                edgesRemoved: o.plan.removeEdges.length + o.dangling,
                ms,
              };
      });
      return results;
    });
  }

  async removeDocument(doc: string): Promise<LoadSummary> {
    const cited = this.state.toJson();
    const known = cited.nodes.some((n) => n.evidence.some((e) => e.doc === doc)) || cited.edges.some((e) => e.evidence.some((x) => x.doc === doc));
    if (!known) throw new NotFoundError('document', doc);
    return this.replaceDocument(doc, { nodes: [], edges: [] });
  }

  clear(): Promise<void> {
    return this.exclusive(() => this.commit(GraphState.empty(), { kind: 'load' }));
  }

  async getNode(id: string): Promise<GraphNode> {
    const node = this.state.node(id);
    if (!node) throw new NotFoundError('node', id);
    return node;
  }

  async getNodes(ids: readonly string[]): Promise<GraphNode[]> {
    const state = this.state;
    return [...new Set(ids)].map((id) => state.node(id)).filter((n) => n !== undefined);
  }

  async degree(id: string): Promise<DegreeByType> {
    return degree(this.state, id);
  }

  async counts(): Promise<Counts> {
    return this.state.counts();
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const limit = checkLimit(options.limit, 20);
    const state = this.state;
    const { hits, total } = state.index.search(checkQuery(query), options.types, limit);
    return {
      hits: hits.map((h) => ({ node: state.adj.nodes[h.node] as GraphNode, rank: h.rank, matched: h.matched })),
      truncated: total > limit,
      limit,
    };
  }

  async neighbors(id: string, options?: NeighborOptions): Promise<Subgraph> {
    return neighbors(this.state, id, options);
  }

  async shortestPaths(from: string, to: string, options?: PathOptions): Promise<PathsResult> {
    return shortestPaths(this.state, from, to, options);
  }

  async subgraph(ids: readonly string[], options?: { limit?: number }): Promise<Subgraph> {
    return subgraph(this.state, ids, options);
  }

  async workload(options: WorkloadOptions = {}): Promise<AgencyWorkload[]> {
    return this.state.workload(options);
  }

  async trace(technology: string, options?: { limit?: number }): Promise<TraceResult> {
    return trace(this.state, technology, options);
  }

  async exportGraph(): Promise<GraphJson> {
    return this.state.toJson();
  }

  async close(): Promise<void> {
    await this.writes;
  }
}

