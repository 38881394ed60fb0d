import type { GraphJson, GraphNode } from '../../model/index.ts';
import type { Counts, DegreeByType, DocumentReplacement, GraphStore, LoadSummary, NeighborOptions, PathOptions, PathsResult, SearchOptions, SearchResult, Subgraph, TraceResult, WorkloadOptions, AgencyWorkload } from '../types.ts';
import { InvalidInputError, NotFoundError, StoreUnavailableError } from '../errors.ts';
import { checkLimit, checkQuery, parseGraphJson } from '../validate.ts';
import { GraphState } from './graph-state.ts';
import { neighbors } from './neighbors.ts';
import { shortestPaths } from './paths.ts';
import { degree, subgraph, trace } from './queries.ts';
import { applyDocumentReplaces } from './replace-document.ts';
import { GraphOverlay } from './graph-overlay.ts';
import { Commit, type CommitParticipant } from '../data-dir/commit.ts';
import { diskStamp, EMPTY_DISK, readPersisted, stageWrites, type DiskState, type PendingWrite } from './persistence.ts';
import { snapshotPath } from './snapshot.ts';

/**
 * The embedded store: the graph in this process (id-sorted lists, a CSR adjacency and a search
 * index, graph-state.ts), persisted to `<dataDir>/graph.json` and a log of later replacements
 * (persistence.ts). Writes are serialised and go into an overlay on the indexed state
 * (graph-overlay.ts), so a write costs what it changes; readers get an indexed state built from
 * the overlay when they first ask after a write. A write that fails to commit is undone, so
 * readers see the old graph or the new one and a failed write changes nothing. Inside
 * `deferWrites` the commits wait for the caller, who makes them together with its own files
 * (the document library) in one `Commit`.
 */
export class MemoryGraphStore implements GraphStore {
  readonly kind = 'memory' as const;
  /** The graph with every write made, committed or (inside deferWrites) not yet. */
  private overlay = new GraphOverlay(GraphState.empty());
  /** The indexed state readers query, and the overlay version it was built at. */
  private view = { state: GraphState.empty(), version: 0, of: this.overlay };
  /** A write outside deferWrites is being committed: readers keep the last view until it lands. */
  private committing = false;
  private writes: Promise<unknown> = Promise.resolve();
  private rev = 0;
  private disk: DiskState = EMPTY_DISK;
  /** Set inside deferWrites: what was written since the last commit, and the overlay a load replaced. */
  private deferred: { pending: PendingWrite[]; replaced: GraphOverlay | null } | null = null;
  /** Bumped on every change of the graph: lets callers cache what they derived from it. */
  readonly revision = (): number => this.rev;

  /** `dataDir` null keeps the graph in memory only (tests, one-off runs). */
  constructor(readonly dataDir: string | null) {}

  static async open(dataDir: string | null): Promise<MemoryGraphStore> {
    const store = new MemoryGraphStore(dataDir);
    await store.reloadSnapshot();
    return store;
  }

  /** The indexed state of the graph now, built once per version of the overlay. */
  private get state(): GraphState {
    const v = this.view;
    if (this.committing || (v.of === this.overlay && v.version === this.overlay.version)) return v.state;
    const state = this.overlay.build();
    this.view = { state, version: this.overlay.version, of: this.overlay };
    return state;
  }

  /** Once a view holds every committed write, later writes overlay it instead of the older base. */
  private rebase(): void {
    const state = this.state;
    if (this.overlay.base !== state) this.overlay = new GraphOverlay(state);
    this.view = { state, version: this.overlay.version, of: this.overlay };
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
      const overlay = new GraphOverlay(GraphState.fromJson(snapshot ?? { nodes: [], edges: [] }, false));
      const failed = applyDocumentReplaces(overlay, replaces).find((o): o is { error: Error } => 'error' in o);
      if (failed) throw failed.error;
      // Built now, so an inconsistent log is refused here and the first read does not wait.
      const state = overlay.build();
      this.overlay = new GraphOverlay(state);
      this.view = { state, version: 0, of: this.overlay };
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
    this.deferred = { pending: [], replaced: null };
    this.overlay.checkpoint();
    let planned: DiskState | null = null;
    return {
      prepare: (tx) =>
        this.exclusive(async () => {
          const d = this.deferred;
          planned = d && d.pending.length > 0 ? await stageWrites(tx, this.disk, d.pending, () => this.overlay.toJson()) : null;
        }),
      committed: async () => {
        if (planned) this.disk = { ...planned, stamp: this.dataDir ? await diskStamp(this.dataDir) : '' };
        planned = null;
        this.overlay.checkpoint();
        if (this.deferred) this.deferred = { pending: [], replaced: null };
      },
      rolledBack: () =>
        this.exclusive(async () => {
          planned = null;
          const d = this.deferred;
          if (!d) return;
          if (d.replaced) this.overlay = d.replaced;
          this.overlay.rollback();
          this.rev++;
          this.deferred = { pending: [], replaced: null };
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

  /** Commits what was just written to `this.overlay` (or, for a load, the overlay `next`); undone if that fails. */
  private async commit(write: PendingWrite, next: GraphOverlay | null = null): Promise<void> {
    const d = this.deferred;
    if (this.dataDir && d) {
      if (next && !d.replaced) d.replaced = this.overlay;
      d.pending = write.kind === 'load' ? [write] : [...d.pending, write];
    } else if (this.dataDir) {
      const tx = new Commit(this.dataDir);
      this.committing = true;
      try {
        const graph = () => (next ?? this.overlay).toJson();
        const planned = await stageWrites(tx, this.disk, [write], graph);
        await tx.commit();
        this.disk = { ...planned, stamp: await diskStamp(this.dataDir) };
      } catch (err) {
        await tx.abort();
        if (!next) this.overlay.rollback();
        throw err;
      } finally {
        this.committing = false;
      }
    }
    if (next) this.overlay = next;
    if (!d) {
      this.overlay.checkpoint();
      if (next) this.rebase();
    }
    this.rev++;
  }

  loadGraph(graph: GraphJson): Promise<LoadSummary> {
    return this.exclusive(async () => {
      const t0 = performance.now();
      const before = this.overlay;
      const state = GraphState.fromJson(graph);
      await this.commit({ kind: 'load' }, new GraphOverlay(state));
      let nodesKept = 0;
      let edgesKept = 0;
      for (const n of state.adj.nodes) if (before.node(n.id)) nodesKept++;
      for (const e of state.adj.edges) if (before.edge(e.id)) edgesKept++;
      return {
        nodes: state.order,
        edges: state.size,
        nodesAdded: state.order - nodesKept,
        nodesRemoved: before.order - nodesKept,
        edgesAdded: state.size - edgesKept,
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

  /** The batch is applied to the overlay and committed once. */
  replaceDocuments(batch: readonly DocumentReplacement[]): Promise<(LoadSummary | Error)[]> {
    return this.exclusive(async () => {
      const t0 = performance.now();
      const results: (LoadSummary | Error)[] = [];
      const valid: DocumentReplacement[] = [];
      const at: number[] = [];
      for (const [i, { doc, fragment, parsed }] of batch.entries()) {
        try {
          if (!doc) throw new InvalidInputError('document name is empty', 'doc');
          valid.push({ doc, fragment: parsed ? fragment : parseGraphJson(fragment, 'fragment') });
          at.push(i);
        } catch (err) {
          results[i] = err as Error;
        }
      }
      const outcomes = applyDocumentReplaces(this.overlay, valid);
      const applied = valid.filter((_, k) => 'plan' in outcomes[k]!);
      if (applied.length > 0) await this.commit({ kind: 'replace', batch: applied });
      const ms = performance.now() - t0;
      const { order, size } = this.overlay;
      outcomes.forEach((o, k) => {
        results[at[k]!] =
          'error' in o
            ? o.error
            : {
                nodes: order,
                edges: size,
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
    const cited = this.overlay.citingItems(doc);
    if (cited.nodes.length === 0 && cited.edges.length === 0) throw new NotFoundError('document', doc);
    return this.replaceDocument(doc, { nodes: [], edges: [] });
  }

  clear(): Promise<void> {
    return this.exclusive(() => this.commit({ kind: 'load' }, new GraphOverlay(GraphState.empty())));
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

