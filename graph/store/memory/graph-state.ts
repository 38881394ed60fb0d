import { MultiDirectedGraph } from 'graphology';
import type { EdgeType, GraphEdge, GraphJson, GraphNode, NodeType } from '../../model/index.ts';
import { sortGraphJson } from '../../model/index.ts';
import type { ResponsibilityRow } from '../../analysis/workload.ts';
import type { Counts } from '../types.ts';
import { InvalidInputError } from '../errors.ts';
import { parseGraphJson } from '../validate.ts';
import { SearchIndex } from './search-index.ts';

export type StoreGraph = MultiDirectedGraph<GraphNode, GraphEdge>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * One immutable version of the graph with its indices. A load builds a whole new state and the
 * store swaps the reference, so a reader that took a state sees one version throughout.
 * Nodes and edges are frozen: callers get them without copying and cannot corrupt the store.
 */
export class GraphState {
  private cachedCounts: Counts | undefined;
  private cachedRows: ResponsibilityRow[] | undefined;

  private constructor(
    readonly graph: StoreGraph,
    readonly index: SearchIndex,
  ) {}

  static empty(): GraphState {
    return new GraphState(new MultiDirectedGraph<GraphNode, GraphEdge>({ allowSelfLoops: true }), new SearchIndex([]));
  }

  /** Validates the whole input before anything is built; throws InvalidInputError naming the problem. */
  static fromJson(input: unknown, validate = true): GraphState {
    const json = validate ? parseGraphJson(input) : (input as GraphJson);
    const graph = new MultiDirectedGraph<GraphNode, GraphEdge>({ allowSelfLoops: true });
    for (const n of json.nodes) {
      if (graph.hasNode(n.id)) throw new InvalidInputError(`duplicate node id ${n.id}`, 'nodes');
      graph.addNode(n.id, deepFreeze(n));
    }
    for (const e of json.edges) {
      if (graph.hasEdge(e.id)) throw new InvalidInputError(`duplicate edge id ${e.id}`, 'edges');
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) {
        throw new InvalidInputError(`edge ${e.id} points at an unknown node (${graph.hasNode(e.source) ? e.target : e.source})`, 'edges');
      }
      graph.addEdgeWithKey(e.id, e.source, e.target, deepFreeze(e));
    }
    return new GraphState(graph, new SearchIndex(json.nodes));
  }

  node(id: string): GraphNode | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  edge(id: string): GraphEdge | undefined {
    return this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : undefined;
  }

  toJson(): GraphJson {
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    this.graph.forEachNode((_id, n) => nodes.push(n));
    this.graph.forEachEdge((_id, e) => edges.push(e));
    return sortGraphJson({ nodes, edges });
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

  /** Every LEADS / COOPERATES edge with its two ends, computed once per version. */
  responsibilityRows(): ResponsibilityRow[] {
    if (!this.cachedRows) {
      const rows: ResponsibilityRow[] = [];
      this.graph.forEachEdge((_id, e, _s, _t, agency, task) => {
        if (e.type === 'LEADS' || e.type === 'COOPERATES') rows.push({ agency, task, role: e.type });
      });
      this.cachedRows = rows;
    }
    return this.cachedRows;
  }
}
