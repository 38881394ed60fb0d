import type { Core } from 'cytoscape';
import { EDGE_TYPES, NODE_TYPES } from '../../graph/model/index.ts';
import { NON_DOMAIN } from '../cy/clusters.ts';
import type { Filters } from '../state/filters.ts';
import { t } from './i18n.ts';

export interface CanvasCounts {
  visibleNodes: number;
  totalNodes: number;
  visibleEdges: number;
  totalEdges: number;
  filteredNodes: number;
  held: number;
  /** Graph nodes and edges on the canvas but drawn inside a cluster, and how many clusters. */
  clusteredNodes: number;
  clusteredEdges: number;
  clusters: number;
}

/** Drawn vs. fetched: "N more" controls and clusters are not graph elements; held-back neighbours count in the total. */
export function countCanvas(cy: Core, held: number): CanvasCounts {
  const nodes = cy.nodes().not(NON_DOMAIN);
  const edges = cy.edges().not(NON_DOMAIN);
  const inCluster = nodes.filter('.clustered');
  const drawable = nodes.not('.clustered');
  const visibleNodes = drawable.not('.filtered').length;
  const clusteredEdges = edges.filter('.clustered').length;
  return {
    visibleNodes, totalNodes: nodes.length + held,
    visibleEdges: edges.not('.filtered').not('.clustered').length, totalEdges: edges.length,
    filteredNodes: drawable.length - visibleNodes, held,
    clusteredNodes: inCluster.length, clusteredEdges, clusters: cy.nodes('.cluster').length,
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
export function statusText(c: CanvasCounts, f: Filters, cluster: { limit: number; by: 'community' | 'type' } = { limit: 2000, by: 'community' }): string {
  const parts = [t('statusCounts', { vn: c.visibleNodes, tn: c.totalNodes, ve: c.visibleEdges, te: c.totalEdges })];
  const why = activeFilterReasons(f);
  const filteredEdges = c.totalEdges - c.visibleEdges - c.clusteredEdges;
  if (c.filteredNodes > 0 || (why.length && filteredEdges > 0)) parts.push(t('statusFiltered', { n: c.filteredNodes + filteredEdges, why: why.join('、') || '—' }));
  if (c.clusteredNodes + c.clusteredEdges > 0) {
    parts.push(t('statusClustered', { n: c.clusteredNodes + c.clusteredEdges, c: c.clusters, limit: cluster.limit, by: t(cluster.by === 'type' ? 'clusterByType' : 'clusterByCommunity') }));
  }
  if (c.held > 0) parts.push(t('statusHeld', { n: c.held }));
  if (c.visibleNodes === 0 && c.filteredNodes > 0) parts.push(t('statusEmptyByFilter'));
  return parts.join(' · ');
}
