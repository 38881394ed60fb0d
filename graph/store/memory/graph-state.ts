import { evidenceDocs, isResponsibilityEdge, type EdgeType, type GraphEdge, type GraphJson, type GraphNode, type NodeType } from '../../model/index.ts';
import type { ResponsibilityRow } from '../../analysis/workload.ts';
import { computeWorkload } from '../../analysis/workload.ts';
import type { AgencyWorkload, Counts, WorkloadOptions } from '../types.ts';
import { checkReferences, parseGraphJson } from '../validate.ts';
import { Adjacency } from './adjacency.ts';
import { SearchIndex } from './search-index.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** deepFreeze by the known shape: a load freezes millions of these, so skip the generic walk. */
function freezeItem<T extends GraphNode | GraphEdge>(item: T): T {
  if (Object.isFrozen(item)) return item;
  for (const e of item.evidence) Object.freeze(e);
  Object.freeze(item.evidence);
  for (const v of Object.values(item.props)) if (v !== null && typeof v === 'object') deepFreeze(v);
  Object.freeze(item.props);
  if ('aliases' in item) Object.freeze(item.aliases);
  return Object.freeze(item);
}

/**
 * One immutable version of the graph with its indices. A load builds a whole new state and the
 * store swaps the reference, so a reader that took a state sees one version throughout.
 * Nodes and edges are frozen: callers get them without copying and cannot corrupt the store.
 */
export class GraphState {
  private cachedCounts: Counts | undefined;
  private cachedRows: ResponsibilityRow[] | undefined;
  private readonly workloads = new Map<string, AgencyWorkload[]>();

  readonly index: SearchIndex;

  /** doc → indices of the nodes and edges whose evidence cites it, built on first use. */
  private citing: Map<string, { nodes: number[]; edges: number[] }> | undefined;

  private constructor(readonly adj: Adjacency) {
    this.index = new SearchIndex(adj.nodes);
  }

  static empty(): GraphState {
    return new GraphState(new Adjacency([], []));
  }

  /**
   * Validates the whole input before anything is built; throws InvalidInputError naming the problem.
   * Unique ids and known endpoints are checked even for trusted input: the indices assume them.
   */
  static fromJson(input: unknown, validate = true): GraphState {
    const json = checkReferences(validate ? parseGraphJson(input) : (input as GraphJson));
    for (const n of json.nodes) freezeItem(n);
    for (const e of json.edges) freezeItem(e);
    return new GraphState(new Adjacency(json.nodes, json.edges));
  }

  get order(): number {
    return this.adj.nodes.length;
  }

  get size(): number {
    return this.adj.edges.length;
  }

  hasEdge(id: string): boolean {
    return this.edge(id) !== undefined;
  }

  /** By binary search: edges are in id order, and a map of every edge id would cost more memory than the lookups save. */
  edge(id: string): GraphEdge | undefined {
    const edges = this.adj.edges;
    let lo = 0;
    for (let hi = edges.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid]!.id < id) lo = mid + 1;
      else hi = mid;
    }
    return edges[lo]?.id === id ? edges[lo] : undefined;
  }

  /** Indices of the items citing `doc`: a replacement looks up only what the document touched. */
  citingItems(doc: string): { nodes: readonly number[]; edges: readonly number[] } {
    if (!this.citing) {
      const citing = new Map<string, { nodes: number[]; edges: number[] }>();
      const add = (list: readonly (GraphNode | GraphEdge)[], key: 'nodes' | 'edges') =>
        list.forEach((x, i) => {
          let last = '';
          for (const e of x.evidence) {
            if (e.doc === last) continue; // evidence is grouped by document
            last = e.doc;
            let entry = citing.get(e.doc);
            if (!entry) citing.set(e.doc, (entry = { nodes: [], edges: [] }));
            if (entry[key].at(-1) !== i) entry[key].push(i);
          }
        });
      add(this.adj.nodes, 'nodes');
      add(this.adj.edges, 'edges');
      this.citing = citing;
    }
    return this.citing.get(doc) ?? { nodes: [], edges: [] };
  }

  node(id: string): GraphNode | undefined {
    const u = this.adj.index.get(id);
    return u === undefined ? undefined : this.adj.nodes[u];
  }

  /** Graph JSON in id order (the adjacency keeps both lists sorted). */
  toJson(): GraphJson {
    return { nodes: [...this.adj.nodes], edges: [...this.adj.edges] };
  }

  counts(): Counts {
    if (!this.cachedCounts) {
      const nodes: Partial<Record<NodeType, number>> = {};
      const edges: Partial<Record<EdgeType, number>> = {};
      for (const n of this.adj.nodes) nodes[n.type] = (nodes[n.type] ?? 0) + 1;
      for (const e of this.adj.edges) edges[e.type] = (edges[e.type] ?? 0) + 1;
      this.cachedCounts = { nodes, edges, totalNodes: this.order, totalEdges: this.size };
    }
    return structuredClone(this.cachedCounts);
  }

  /** Workload per option set, computed once per version (the state never changes). */
  workload(options: WorkloadOptions): AgencyWorkload[] {
    const key = JSON.stringify([options.level ?? null, options.doc ?? null, options.includeCollective === true]);
    let result = this.workloads.get(key);
    if (!result) {
      result = computeWorkload(this.responsibilityRows(), options);
      this.workloads.set(key, result);
    }
    return structuredClone(result);
  }

  /** Every LEADS / COOPERATES / RESPONSIBLE edge with its two ends, computed once per version. */
  responsibilityRows(): ResponsibilityRow[] {
    if (!this.cachedRows) {
      const rows: ResponsibilityRow[] = [];
      const { nodes, edges, src, dst } = this.adj;
      edges.forEach((e, i) => {
        if (isResponsibilityEdge(e.type)) rows.push({ agency: nodes[src[i]!]!, task: nodes[dst[i]!]!, role: e.type, docs: evidenceDocs(e.evidence) });
      });
      this.cachedRows = rows;
    }
    return this.cachedRows;
  }
}
