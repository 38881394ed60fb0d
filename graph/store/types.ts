import type { AgencyLevel, EdgeType, GraphEdge, GraphJson, GraphNode, NodeType, ResponsibilityRole } from '../model/index.ts';

/**
 * The one interface the CLI, the API and the analyses use. The embedded store and the
 * Neo4j store both implement it, and test/contract/graph-store.contract.ts holds them to it.
 * Every list operation is capped; a cap that was hit is reported as `truncated: true`.
 */
export interface GraphStore {
  readonly kind: 'memory' | 'neo4j';
  /**
   * A number that changes whenever this store's graph does. The embedded store answers at once
   * (a number); Neo4j reads a counter kept in the database and bumped in the same transaction as
   * every write (a promise), so several app servers sharing one database see each other's
   * writes at their next check. A store without one leaves it out, and callers cache nothing.
   */
  readonly revision?: () => number | Promise<number>;

  /** Replace the whole graph atomically: on failure the previous graph stays as it was. */
  loadGraph(graph: GraphJson): Promise<LoadSummary>;
  /**
   * Replace the facts one source file supports: evidence from `doc` is dropped everywhere,
   * then `fragment` is merged in; nodes and edges left with no evidence are removed.
   */
  replaceDocument(doc: string, fragment: GraphJson): Promise<LoadSummary>;
  /**
   * replaceDocument for each entry in turn, as one write: what ingest calls for a batch. An entry
   * that fails (its fragment is invalid) is reported in its place and the others still apply.
   */
  replaceDocuments(batch: readonly DocumentReplacement[]): Promise<(LoadSummary | Error)[]>;
  /** Remove what only `doc` supports (fragment of nothing). */
  removeDocument(doc: string): Promise<LoadSummary>;
  clear(): Promise<void>;

  getNode(id: string): Promise<GraphNode>; // NotFoundError
  getNodes(ids: readonly string[]): Promise<GraphNode[]>; // unknown ids are skipped
  degree(id: string): Promise<DegreeByType>; // NotFoundError
  counts(): Promise<Counts>;

  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  neighbors(id: string, options?: NeighborOptions): Promise<Subgraph>; // NotFoundError, InvalidInputError (depth)
  shortestPaths(from: string, to: string, options?: PathOptions): Promise<PathsResult>;
  subgraph(ids: readonly string[], options?: { limit?: number }): Promise<Subgraph>;

  workload(options?: WorkloadOptions): Promise<AgencyWorkload[]>;
  trace(technology: string, options?: { limit?: number }): Promise<TraceResult>; // id or exact name/alias
  exportGraph(): Promise<GraphJson>;
  close(): Promise<void>;
}

export interface DocumentReplacement {
  doc: string;
  fragment: GraphJson;
  /**
   * The fragment is the Graph JSON schema's own output (the ingest parses each where it is made):
   * not parsed again, and the store may keep its objects as they are.
   */
  parsed?: boolean;
}

export const DEFAULT_LIMIT = 5000;
export const MAX_DEPTH = 3;

export interface LoadSummary {
  nodes: number;
  edges: number;
  nodesAdded: number;
  nodesRemoved: number;
  edgesAdded: number;
  edgesRemoved: number;
  ms: number;
}

export type DegreeByType = Partial<Record<EdgeType, { in: number; out: number }>>;

export interface Counts {
  nodes: Partial<Record<NodeType, number>>;
  edges: Partial<Record<EdgeType, number>>;
  totalNodes: number;
  totalEdges: number;
}

/** `abbrev`: the query's characters in order in a name or alias (发改委 → 发展和改革委员会). */
export type MatchRank = 'exact' | 'prefix' | 'contains' | 'abbrev';
export interface SearchOptions {
  types?: readonly NodeType[];
  limit?: number; // default 20
}
export interface SearchHit {
  node: GraphNode;
  rank: MatchRank;
  /** The name or alias that matched. */
  matched: string;
}
export interface SearchResult {
  hits: SearchHit[];
  truncated: boolean;
  limit: number;
}

export interface NeighborOptions {
  depth?: number; // 1..3, default 1
  nodeTypes?: readonly NodeType[];
  edgeTypes?: readonly EdgeType[];
  limit?: number; // max nodes, default DEFAULT_LIMIT
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  limit: number;
}

export interface PathOptions {
  max?: number; // at most this many shortest paths, default 3
  maxLength?: number; // edges, default 6
  edgeTypes?: readonly EdgeType[];
}
export interface GraphPath {
  nodes: string[]; // ids from `from` to `to`
  edges: string[]; // edge ids along the path (edges are walked in either direction)
}
export interface PathsResult {
  paths: GraphPath[];
  subgraph: Subgraph;
  truncated: boolean;
}

export interface WorkloadOptions {
  level?: AgencyLevel;
  doc?: string; // source file name
  /** Include collective phrases (各相关部门…); off by default. */
  includeCollective?: boolean;
}
export interface RoleCounts {
  led: number;
  cooperated: number;
  /** Named in an unsplit list (责任单位：A、B、C) whose document does not say who leads: never counted as lead. */
  responsible: number;
}
export interface AgencyWorkload {
  /** `nameEn`: the curated English gloss (Agency props.nameEn), null where none exists. */
  agency: { id: string; name: string; nameEn: string | null; level: AgencyLevel | null };
  /** Division-of-labour table rows (Task.kind = tableRow): the authority for workload. */
  rows: RoleCounts;
  /** Section tasks whose responsibility clause names the agency. */
  sections: RoleCounts;
  /** Every task (table rows and sections) by source document. */
  byDoc: Record<string, RoleCounts>;
  /** Every task (table rows and sections) by deadline year of the task (latest end year) → counts; "none" for tasks without a deadline. */
  byYear: Record<string, RoleCounts>;
}

export interface TraceAgency {
  agency: { id: string; name: string; nameEn: string | null; type: NodeType; level: AgencyLevel | null };
  led: number;
  cooperated: number;
  responsible: number;
  tasks: { id: string; name: string; role: ResponsibilityRole; technology: string }[];
  /** One connecting path: agency → task → technology (→ … → traced technology). */
  path: string[];
}
export interface TraceResult {
  technology: GraphNode;
  /** The traced technology and all its subfields. */
  technologies: string[];
  agencies: TraceAgency[];
  subgraph: Subgraph;
  truncated: boolean;
}
