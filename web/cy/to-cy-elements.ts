import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode, NodeType } from '../../graph/model/index.ts';

/** What the canvas needs of a node: labels and numbers for styling, never the domain record. */
export interface CyNodeData {
  id: string;
  type: NodeType;
  label: string;
  name: string;
  gloss: string;
  size: number;
  [k: string]: unknown;
}
export interface CyEdgeData {
  id: string;
  source: string;
  target: string;
  type: GraphEdge['type'];
  [k: string]: unknown;
}

export const MIN_SIZE = 22;
export const MAX_SIZE = 70;
const LABEL_MAX = 14;

export type SizeMode = 'degree' | 'workload';

function shorten(s: string, max = LABEL_MAX): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The English gloss the API carries for agencies (props.nameEn), when there is one. */
export function glossOf(node: GraphNode): string {
  const v = node.props.nameEn;
  return typeof v === 'string' ? v : '';
}

export function labelOf(node: GraphNode, lang: 'zh' | 'en'): string {
  const name = shorten(node.name);
  const gloss = glossOf(node);
  return lang === 'en' && gloss ? `${name}\n${shorten(gloss, 24)}` : name;
}

/** Square-root scale so a handful of heavy agencies do not dwarf everything else. */
export function scaleSize(value: number, maxValue: number): number {
  if (maxValue <= 0 || value <= 0) return MIN_SIZE;
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / maxValue));
}

/**
 * Degree counts edges in the loaded graph; workload counts responsibility edges
 * (LEADS weighs double, as the lead unit carries the task) or the API's row counts when given.
 */
export function computeMetric(nodes: readonly GraphNode[], edges: readonly GraphEdge[], mode: SizeMode, workload?: ReadonlyMap<string, number>): Map<string, number> {
  const m = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  if (mode === 'workload' && workload) {
    for (const n of nodes) m.set(n.id, workload.get(n.id) ?? 0);
    return m;
  }
  for (const e of edges) {
    if (mode === 'degree') {
      m.set(e.source, (m.get(e.source) ?? 0) + 1);
      m.set(e.target, (m.get(e.target) ?? 0) + 1);
    } else if (e.type === 'LEADS' || e.type === 'COOPERATES') {
      m.set(e.source, (m.get(e.source) ?? 0) + (e.type === 'LEADS' ? 2 : 1));
    }
  }
  return m;
}

export function toCyNode(node: GraphNode, lang: 'zh' | 'en', size = MIN_SIZE): ElementDefinition {
  const data: CyNodeData = { id: node.id, type: node.type, label: labelOf(node, lang), name: node.name, gloss: glossOf(node), size };
  const level = node.props.level;
  if (typeof level === 'string') data.level = level;
  return { group: 'nodes', data, classes: node.type };
}

export function toCyEdge(edge: GraphEdge): ElementDefinition {
  const data: CyEdgeData = { id: edge.id, source: edge.source, target: edge.target, type: edge.type };
  return { group: 'edges', data, classes: edge.type };
}

/** Edges whose ends are not both present would make Cytoscape throw; they are dropped here. */
export function toCyElements(nodes: readonly GraphNode[], edges: readonly GraphEdge[], opts: { lang: 'zh' | 'en'; present?: ReadonlySet<string>; sizes?: ReadonlyMap<string, number> }): ElementDefinition[] {
  const ids = new Set(opts.present ?? []);
  for (const n of nodes) ids.add(n.id);
  const out: ElementDefinition[] = nodes.map((n) => toCyNode(n, opts.lang, opts.sizes?.get(n.id)));
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target)) out.push(toCyEdge(e));
  return out;
}
