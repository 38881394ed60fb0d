import type { EdgeType, GraphEdge, GraphNode, NodeType } from '../../model/index.ts';
import { EDGE_TYPES, NODE_TYPES } from '../../model/index.ts';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function sortedById<T extends { id: string }>(list: readonly T[]): T[] {
  for (let i = 1; i < list.length; i++) if (byId(list[i - 1] as T, list[i] as T) > 0) return [...list].sort(byId);
  return list as T[];
}

export const NODE_TYPE_CODE = new Map<NodeType, number>(NODE_TYPES.map((t, i) => [t, i]));
export const EDGE_TYPE_CODE = new Map<EdgeType, number>(EDGE_TYPES.map((t, i) => [t, i]));

/** A per-type yes/no table for a type filter, or null for "any type". */
export function typeMask<T extends string>(codes: Map<T, number>, types: readonly T[] | undefined): Uint8Array | null {
  if (!types?.length) return null;
  const mask = new Uint8Array(codes.size);
  for (const t of types) mask[codes.get(t) as number] = 1;
  return mask;
}

/**
 * Compressed adjacency (CSR) over nodes and edges numbered in id order, built once per graph
 * version. Traversals walk typed arrays instead of allocating per step, and sorting by number
 * is sorting by id. `mark` stamps give each query an O(1)-reset visited set.
 */
export class Adjacency {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly index = new Map<string, number>();
  readonly nodeType: Uint8Array;
  readonly edgeType: Uint8Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Incident edges of node u (either direction): incident[offsets[u] .. offsets[u + 1]). */
  readonly offsets: Int32Array;
  readonly incident: Int32Array;
  readonly mark: Int32Array;
  readonly dist: Int32Array;
  private generation = 0;

  constructor(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
    this.nodes = sortedById(nodes);
    this.edges = sortedById(edges);
    const n = this.nodes.length;
    const m = this.edges.length;
    this.nodeType = new Uint8Array(n);
    this.nodes.forEach((node, i) => {
      this.index.set(node.id, i);
      this.nodeType[i] = NODE_TYPE_CODE.get(node.type) as number;
    });
    this.edgeType = new Uint8Array(m);
    this.src = new Int32Array(m);
    this.dst = new Int32Array(m);
    const degree = new Int32Array(n + 1);
    this.edges.forEach((e, i) => {
      const s = this.index.get(e.source) as number;
      const t = this.index.get(e.target) as number;
      this.src[i] = s;
      this.dst[i] = t;
      this.edgeType[i] = EDGE_TYPE_CODE.get(e.type) as number;
      degree[s]!++;
      if (t !== s) degree[t]!++;
    });
    this.offsets = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) this.offsets[u + 1] = this.offsets[u]! + degree[u]!;
    this.incident = new Int32Array(this.offsets[n]!);
    const fill = this.offsets.slice(0, n);
    for (let e = 0; e < m; e++) {
      const s = this.src[e]!;
      const t = this.dst[e]!;
      this.incident[fill[s]!++] = e;
      if (t !== s) this.incident[fill[t]!++] = e;
    }
    this.mark = new Int32Array(n);
    this.dist = new Int32Array(n);
  }

  /** A fresh stamp: `mark[u] === stamp` means "seen in this query". Queries are synchronous. */
  nextStamp(): number {
    if (this.generation >= 0x7fffffff) {
      this.mark.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  other(e: number, u: number): number {
    const s = this.src[e]!;
    return s === u ? this.dst[e]! : s;
  }

  /** Edges (passing the mask) with both ends stamped, counted once from their source, in id order. */
  edgesAmong(members: readonly number[], stamp: number, edgeMask: Uint8Array | null): GraphEdge[] {
    const found: number[] = [];
    for (const u of members) {
      for (let k = this.offsets[u]!, end = this.offsets[u + 1]!; k < end; k++) {
        const e = this.incident[k]!;
        if (this.src[e] !== u || this.mark[this.dst[e]!] !== stamp) continue;
        if (edgeMask && !edgeMask[this.edgeType[e]!]) continue;
        found.push(e);
      }
    }
    found.sort((a, b) => a - b);
    return found.map((e) => this.edges[e] as GraphEdge);
  }
}
