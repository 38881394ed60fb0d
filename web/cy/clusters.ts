import type { CollectionReturnValue, Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import type { ClusterGroup } from './cluster-plan.ts';
import { NODE_STYLE } from './styles.ts';

// Clusters on the canvas. A cluster node stands for its members, which stay on the canvas with the
// class `clustered` (not drawn), as do the edges touching them; `cluster-edge`s join what is drawn.
// Everything lives in Cytoscape's elements, so undo snapshots carry the clusters with them.

/** Canvas elements that are not graph elements: "N more" controls, clusters and their edges. */
export const NON_DOMAIN = '.more, .cluster, .cluster-edge';

export const CLUSTER_MIN_SIZE = 40;
export const CLUSTER_MAX_SIZE = 150;

export function clusterId(key: string): string {
  return `cluster:${key}`;
}

export function isClusterId(id: string): boolean {
  return id.startsWith('cluster:');
}

/** Square-root scale on member count, so one giant community does not fill the screen. */
export function clusterSize(count: number, maxCount: number): number {
  if (maxCount <= 0) return CLUSTER_MIN_SIZE;
  return Math.round(CLUSTER_MIN_SIZE + (CLUSTER_MAX_SIZE - CLUSTER_MIN_SIZE) * Math.sqrt(count / maxCount));
}

function byIds(cy: Core, ids: readonly string[]): CollectionReturnValue {
  const col = cy.collection();
  for (const id of ids) col.merge(cy.getElementById(id));
  return col;
}

function centroid(cy: Core, ids: readonly string[]): Position {
  let x = 0;
  let y = 0;
  for (const id of ids) {
    const p = cy.getElementById(id).position();
    x += p.x;
    y += p.y;
  }
  return { x: x / Math.max(1, ids.length), y: y / Math.max(1, ids.length) };
}

/** Collapse each group into one cluster node; returns how many nodes went inside clusters. */
export function collapseGroups(cy: Core, groups: readonly ClusterGroup[], label: (lead: string, count: number) => string): number {
  if (groups.length === 0) return 0;
  const taken = new Set(cy.nodes('.cluster').map((n) => n.id()));
  const max = Math.max(...groups.map((g) => g.members.length), ...cy.nodes('.cluster').map((n) => Number(n.data('count'))));
  let hidden = 0;
  cy.batch(() => {
    const defs: ElementDefinition[] = [];
    for (const g of groups) {
      let id = clusterId(g.key);
      for (let i = 2; taken.has(id); i++) id = clusterId(`${g.key}-${i}`);
      taken.add(id);
      defs.push({ group: 'nodes', data: { id, label: label(g.lead, g.members.length), type: g.type, lead: g.lead, count: g.members.length, members: g.members, size: clusterSize(g.members.length, max), color: NODE_STYLE[g.type].color }, classes: 'cluster', position: centroid(cy, g.members) });
      const members = byIds(cy, g.members);
      members.addClass('clustered');
      members.connectedEdges().not(NON_DOMAIN).addClass('clustered');
      hidden += g.members.length;
    }
    cy.add(defs);
    drawClusterEdges(cy);
  });
  return hidden;
}

/**
 * One edge per pair of drawn ends (cluster or node) that hidden edges connect, weighted by how many
 * they stand for: the picture keeps who is connected to whom without drawing every line.
 */
export function drawClusterEdges(cy: Core): void {
  cy.edges('.cluster-edge').remove();
  const owner = new Map<string, string>();
  cy.nodes('.cluster').forEach((c) => { for (const m of c.data('members') as string[]) owner.set(m, c.id()); });
  const weights = new Map<string, number>();
  cy.edges('.clustered').forEach((e) => {
    const s = owner.get(e.source().id()) ?? e.source().id();
    const t = owner.get(e.target().id()) ?? e.target().id();
    if (s === t) return;
    const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  });
  const defs: ElementDefinition[] = [];
  for (const [key, weight] of weights) {
    const [source, target] = key.split('\u0000') as [string, string];
    defs.push({ group: 'edges', data: { id: `cluster-edge:${key}`, source, target, weight }, classes: 'cluster-edge' });
  }
  cy.add(defs);
}

/**
 * Members spread over a disc where their cluster was (a sunflower pattern, evenly spaced), so an
 * opened cluster stays in its place in the picture instead of fanning out over its neighbours.
 */
export function discPositions(center: Position, count: number, spacing = 55): Position[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i + 0.5);
    return { x: center.x + r * Math.cos(i * golden), y: center.y + r * Math.sin(i * golden) };
  });
}

/** Draw one cluster's members again around where the cluster was; the other clusters stay collapsed. */
export function openCluster(cy: Core, id: string): string[] {
  const c = cy.getElementById(id);
  if (c.empty() || !c.hasClass('cluster')) return [];
  const members = [...(c.data('members') as string[])];
  const at = { ...(c as NodeSingular).position() };
  const pos = discPositions(at, members.length);
  cy.batch(() => {
    c.remove();
    const eles = byIds(cy, members);
    eles.forEach((n, i) => { n.position(pos[i] ?? at); });
    eles.removeClass('clustered');
    // An edge stays hidden while its other end is still inside a cluster.
    eles.connectedEdges('.clustered').forEach((e) => { if (!e.source().hasClass('clustered') && !e.target().hasClass('clustered')) e.removeClass('clustered'); });
    drawClusterEdges(cy);
  });
  return members;
}

/** Domain nodes and edges inside clusters, and how many clusters hold them. */
export function clusteredCounts(cy: Core): { nodes: number; edges: number; clusters: number } {
  return { nodes: cy.nodes('.clustered').length, edges: cy.edges('.clustered').length, clusters: cy.nodes('.cluster').length };
}
