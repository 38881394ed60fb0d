import { MultiDirectedGraph } from 'graphology';
import { evidenceDocs, type EdgeType, type GraphEdge, type GraphJson, type GraphNode, type NodeType } from '../../model/index.ts';
import type { ResponsibilityRow } from '../../analysis/workload.ts';
import { computeWorkload } from '../../analysis/workload.ts';
import type { AgencyWorkload, Counts, WorkloadOptions } from '../types.ts';
import { InvalidInputError } from '../errors.ts';
import { parseGraphJson } from '../validate.ts';
import { Adjacency } from './adjacency.ts';
import { SearchIndex } from './search-index.ts';

export type StoreGraph = MultiDirectedGraph<GraphNode, GraphEdge>;

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

/** graphology's own checks (duplicate key, missing endpoint) as the store's typed error. */
function added(what: string, add: () => void): void {
  try {
    add();
  } catch (err) {
    throw new InvalidInputError(`${what}: ${(err as Error).message.replace(/^Graph\.\w+: /, '')}`, what.startsWith('edge') ? 'edges' : 'nodes');
  }
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

  private constructor(
    readonly graph: StoreGraph,
    readonly adj: Adjacency,
  ) {
    this.index = new SearchIndex(adj.nodes);
  }

  static empty(): GraphState {
    return new GraphState(new MultiDirectedGraph<GraphNode, GraphEdge>({ allowSelfLoops: true }), new Adjacency([], []));
  }

  /** Validates the whole input before anything is built; throws InvalidInputError naming the problem. */
  static fromJson(input: unknown, validate = true): GraphState {
    const json = validate ? parseGraphJson(input) : (input as GraphJson);
    const graph = new MultiDirectedGraph<GraphNode, GraphEdge>({ allowSelfLoops: true });
    for (const n of json.nodes) added(`node ${n.id}`, () => graph.addNode(n.id, freezeItem(n)));
    for (const e of json.edges) added(`edge ${e.id}`, () => graph.addEdgeWithKey(e.id, e.source, e.target, freezeItem(e)));
    return new GraphState(graph, new Adjacency(json.nodes, json.edges));
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
      this.graph.forEachNode((_id, n) => void (nodes[n.type] = (nodes[n.type] ?? 0) + 1));
      this.graph.forEachEdge((_id, e) => void (edges[e.type] = (edges[e.type] ?? 0) + 1));
      this.cachedCounts = { nodes, edges, totalNodes: this.graph.order, totalEdges: this.graph.size };
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

  /** Every LEADS / COOPERATES edge with its two ends, computed once per version. */
  responsibilityRows(): ResponsibilityRow[] {
    if (!this.cachedRows) {
      const rows: ResponsibilityRow[] = [];
      this.graph.forEachEdge((_id, e, _s, _t, agency, task) => {
        if (e.type === 'LEADS' || e.type === 'COOPERATES') rows.push({ agency, task, role: e.type, docs: evidenceDocs(e.evidence) });
      });
      this.cachedRows = rows;
    }
    return this.cachedRows;
  }
}
