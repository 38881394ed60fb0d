import type { Core } from 'cytoscape';
import { EDGE_TYPES, NODE_TYPES } from '../../graph/model/index.ts';
import type { Filters } from '../state/filters.ts';
import { t } from './i18n.ts';

export interface CanvasCounts {
  visibleNodes: number;
  totalNodes: number;
  visibleEdges: number;
  totalEdges: number;
  filteredNodes: number;
  held: number;
}

/** Drawn vs. fetched: "N more" controls are not graph nodes; held-back neighbours count in the total. */
export function countCanvas(cy: Core, held: number): CanvasCounts {
  const nodes = cy.nodes().not('.more');
  const edges = cy.edges().not('.more');
  const visibleNodes = nodes.not('.filtered').length;
  return {
    visibleNodes, totalNodes: nodes.length + held,
    visibleEdges: edges.not('.filtered').length, totalEdges: edges.length,
    filteredNodes: nodes.length - visibleNodes, held,
  };
}

/** Which filters are active, in words: the "why" of hidden elements. */
export function activeFilterReasons(f: Filters): string[] {
  const out: string[] = [];
  if (f.nodeTypes.length !== NODE_TYPES.length || f.edgeTypes.length !== EDGE_TYPES.length) out.push(t('whyTypes'));
  if (f.doc) out.push(t('whyDoc'));
  if (f.level) out.push(t('whyLevel'));
  if (f.yearFrom !== null || f.yearTo !== null) out.push(t('whyYears'));
  return out;
}

/** One line under the canvas: visible / total nodes and edges, and why the rest is hidden. */
export function statusText(c: CanvasCounts, f: Filters): string {
  const parts = [t('statusCounts', { vn: c.visibleNodes, tn: c.totalNodes, ve: c.visibleEdges, te: c.totalEdges })];
  const why = activeFilterReasons(f);
  if (c.filteredNodes > 0 || (why.length && c.visibleEdges < c.totalEdges)) parts.push(t('statusFiltered', { n: c.filteredNodes + (c.totalEdges - c.visibleEdges), why: why.join('、') || '—' }));
  if (c.held > 0) parts.push(t('statusHeld', { n: c.held }));
  if (c.visibleNodes === 0 && c.filteredNodes > 0) parts.push(t('statusEmptyByFilter'));
  return parts.join(' · ');
}
