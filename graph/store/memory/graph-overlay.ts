import type { GraphEdge, GraphJson, GraphNode } from '../../model/index.ts';
import { GraphState } from './graph-state.ts';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Ids noted per document for the overlay's own items; a superset, checked against the evidence when read. */
type Citing = Map<string, { nodes: string[]; edges: string[] }>;

/** One change in the order it was made: undone in reverse to go back to the checkpoint. */
type Undo = { kind: 'node'; id: string; was: GraphNode | null | undefined } | { kind: 'edge'; id: string; was: GraphEdge | null | undefined };

/**
 * The graph as it is now: an indexed state (`base`) and the writes made since, by id (null: removed).
 * A write costs what it changes — nothing is copied or re-indexed — and the indexed state readers
 * query is built from both only when one asks (`build`), so a long ingest that nobody reads
 * meanwhile never rebuilds the whole graph. Changes since `checkpoint()` can be undone, which is
 * how a failed commit leaves the graph as it was.
 */
export class GraphOverlay {
  private readonly nodes = new Map<string, GraphNode | null>();
  private readonly edges = new Map<string, GraphEdge | null>();
  private readonly citing: Citing = new Map();
  private undo: Undo[] = [];
  /** Merges made since the checkpoint, which later documents may merge into in place (document-plan.ts). */
  scratch = new WeakSet<object>();
  /** Bumped by every change: a view built at one version serves reads until the next. */
  version = 0;
  order: number;
  size: number;

  constructor(readonly base: GraphState) {
    this.order = base.order;
    this.size = base.size;
  }

  /** True when nothing was written since the base was built. */
  get clean(): boolean {
    return this.nodes.size === 0 && this.edges.size === 0;
  }

  node(id: string): GraphNode | undefined {
    const o = this.nodes.get(id);
    return o === undefined ? this.base.node(id) : (o ?? undefined);
  }

  edge(id: string): GraphEdge | undefined {
    const o = this.edges.get(id);
    return o === undefined ? this.base.edge(id) : (o ?? undefined);
  }

  setNode(id: string, value: GraphNode | null): void {
    const was = this.nodes.get(id);
    const before = was === undefined ? this.base.node(id) : was;
    this.order += (value ? 1 : 0) - (before ? 1 : 0);
    this.undo.push({ kind: 'node', id, was });
    this.nodes.set(id, value);
    this.version++;
  }

  setEdge(id: string, value: GraphEdge | null): void {
    const was = this.edges.get(id);
    const before = was === undefined ? this.base.edge(id) : was;
    this.size += (value ? 1 : 0) - (before ? 1 : 0);
    this.undo.push({ kind: 'edge', id, was });
    this.edges.set(id, value);
    this.version++;
  }

  /**
   * Notes that these items may now cite `doc`: a replacement names its fragment's ids here, and
   * the evidence they held before was noted when it was written (or is in the base's index).
   */
  noteCiting(doc: string, nodes: readonly { id: string }[], edges: readonly { id: string }[]): void {
    let entry = this.citing.get(doc);
    if (!entry) this.citing.set(doc, (entry = { nodes: [], edges: [] }));
    for (const n of nodes) entry.nodes.push(n.id);
    for (const e of edges) entry.edges.push(e.id);
  }

  /** The current nodes and edges whose evidence cites `doc`. */
  citingItems(doc: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const cites = <T extends GraphNode | GraphEdge>(x: T | undefined): x is T => x !== undefined && x.evidence.some((e) => e.doc === doc);
    const fromBase = this.base.citingItems(doc);
    const own = this.citing.get(doc);
    const nodeIds = new Set([...fromBase.nodes.map((i) => this.base.adj.nodes[i]!.id), ...(own?.nodes ?? [])]);
    const edgeIds = new Set([...fromBase.edges.map((i) => this.base.adj.edges[i]!.id), ...(own?.edges ?? [])]);
    return { nodes: [...nodeIds].map((id) => this.node(id)).filter((n) => cites(n)), edges: [...edgeIds].map((id) => this.edge(id)).filter((e) => cites(e)) };
  }

  /** Current edges with an end in `ids`: the base's from its adjacency, the overlay's by a scan of what was written. */
  edgesAt(ids: ReadonlySet<string>): GraphEdge[] {
    const out = new Map<string, GraphEdge>();
    const { adj } = this.base;
    for (const id of ids) {
      const u = adj.index.get(id);
      if (u === undefined) continue;
      for (let k = adj.offsets[u]!, end = adj.offsets[u + 1]!; k < end; k++) {
        const e = this.edge(adj.edges[adj.incident[k]!]!.id);
        if (e) out.set(e.id, e);
      }
    }
    for (const e of this.edges.values()) if (e && (ids.has(e.source) || ids.has(e.target))) out.set(e.id, e);
    return [...out.values()];
  }

  /** From here on, `rollback` returns to this point. */
  checkpoint(): void {
    this.undo = [];
    this.scratch = new WeakSet();
  }

  /** Undoes every change since the last checkpoint. */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) {
      const u = this.undo[i]!;
      if (u.kind === 'node') this.restore(this.nodes, u.id, u.was, (id) => this.base.node(id), 'order');
      else this.restore(this.edges, u.id, u.was, (id) => this.base.edge(id), 'size');
    }
    this.undo = [];
    this.scratch = new WeakSet();
    this.version++;
  }

  private restore<T>(map: Map<string, T | null>, id: string, was: T | null | undefined, inBase: (id: string) => T | undefined, count: 'order' | 'size'): void {
    const now = map.get(id) === undefined ? inBase(id) : map.get(id);
    const then = was === undefined ? inBase(id) : was;
    this[count] += (then ? 1 : 0) - (now ? 1 : 0);
    if (was === undefined) map.delete(id);
    else map.set(id, was);
  }

  /** The graph as it is now, in id order, without indexing it (what a snapshot needs). */
  toJson(): GraphJson {
    if (this.clean) return this.base.toJson();
    return { nodes: merged(this.base.adj.nodes, this.nodes), edges: merged(this.base.adj.edges, this.edges) };
  }

  /** The indexed state of the graph as it is now (the base when nothing was written). */
  build(): GraphState {
    return this.clean ? this.base : GraphState.fromJson(this.toJson(), false);
  }
}

/** The base's id-sorted list with the overlay's changes in place and its new items merged in. */
function merged<T extends { id: string }>(base: readonly T[], changes: ReadonlyMap<string, T | null>): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const x of base) {
    const c = changes.get(x.id);
    if (c === undefined) out.push(x);
    else {
      seen.add(x.id);
      if (c) out.push(c);
    }
  }
  const added: T[] = [];
  for (const [id, c] of changes) if (c && !seen.has(id)) added.push(c);
  if (added.length === 0) return out;
  added.sort(byId);
  const all: T[] = new Array(out.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < out.length || j < added.length) all[k++] = j >= added.length || (i < out.length && out[i]!.id < added[j]!.id) ? out[i++]! : added[j++]!;
  return all;
}
