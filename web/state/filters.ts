import { AGENCY_LEVELS, EDGE_TYPES, NODE_TYPES } from '../../graph/model/index.ts';
import type { AgencyLevel, EdgeType, GraphEdge, GraphNode, NodeType } from '../../graph/model/index.ts';

/** What the analyst chose to see. Empty type lists never occur: "all" is the full list. */
export interface Filters {
  nodeTypes: NodeType[];
  edgeTypes: EdgeType[];
  doc: string | null;
  level: AgencyLevel | null;
  yearFrom: number | null;
  yearTo: number | null;
}

export function defaultFilters(): Filters {
  return { nodeTypes: [...NODE_TYPES], edgeTypes: [...EDGE_TYPES], doc: null, level: null, yearFrom: null, yearTo: null };
}

export function isDefaultFilters(f: Filters): boolean {
  return f.nodeTypes.length === NODE_TYPES.length && f.edgeTypes.length === EDGE_TYPES.length && f.doc === null && f.level === null && f.yearFrom === null && f.yearTo === null;
}

export function isAgencyLevel(v: unknown): v is AgencyLevel {
  return typeof v === 'string' && (AGENCY_LEVELS as readonly string[]).includes(v);
}

/** Years a task's deadlines cover, from the normalised intervals (start may be null: "by <end>"). */
export function deadlineYears(node: GraphNode): { from: number; to: number } | null {
  const list = node.props.deadlines;
  if (!Array.isArray(list) || list.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const d of list) {
    if (!d || typeof d !== 'object' || Array.isArray(d)) continue;
    const end = typeof d.end === 'string' ? Number(d.end.slice(0, 4)) : NaN;
    const start = typeof d.start === 'string' ? Number(d.start.slice(0, 4)) : end;
    if (!Number.isFinite(end)) continue;
    from = Math.min(from, Number.isFinite(start) ? start : end);
    to = Math.max(to, end);
  }
  return Number.isFinite(from) ? { from, to } : null;
}

function inDoc(evidence: GraphNode['evidence'], props: GraphNode['props'], doc: string): boolean {
  return evidence.some((e) => e.doc === doc) || props.doc === doc || props.file === doc;
}

export function nodeVisible(node: GraphNode, f: Filters): boolean {
  if (!f.nodeTypes.includes(node.type)) return false;
  if (f.doc && !inDoc(node.evidence, node.props, f.doc)) return false;
  if (f.level && node.type === 'Agency' && node.props.level !== f.level) return false;
  if ((f.yearFrom !== null || f.yearTo !== null) && node.type === 'Task') {
    const y = deadlineYears(node);
    // A year range asks about deadlines; tasks without one cannot satisfy it.
    if (!y) return false;
    if (f.yearFrom !== null && y.to < f.yearFrom) return false;
    if (f.yearTo !== null && y.from > f.yearTo) return false;
  }
  return true;
}

export function edgeVisible(edge: GraphEdge, f: Filters, visibleNodes: ReadonlySet<string>): boolean {
  if (!f.edgeTypes.includes(edge.type)) return false;
  if (!visibleNodes.has(edge.source) || !visibleNodes.has(edge.target)) return false;
  if (f.doc && edge.evidence.length > 0 && !edge.evidence.some((e) => e.doc === f.doc)) return false;
  return true;
}

/** Ids of what stays hidden; the canvas marks these with the `filtered` class. */
export function hiddenIds(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>, f: Filters): Set<string> {
  const hidden = new Set<string>();
  const visible = new Set<string>();
  for (const n of nodes) (nodeVisible(n, f) ? visible : hidden).add(n.id);
  for (const e of edges) if (!edgeVisible(e, f, visible)) hidden.add(e.id);
  return hidden;
}
