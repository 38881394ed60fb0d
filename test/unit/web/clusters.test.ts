import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../graph/model/index.ts';
import { GraphCanvas } from '../../../web/cy/canvas.ts';
import { MIN_CLUSTER, planClusters } from '../../../web/cy/cluster-plan.ts';
import { clusterSize, CLUSTER_MAX_SIZE, CLUSTER_MIN_SIZE } from '../../../web/cy/clusters.ts';
import { buildStylesheet } from '../../../web/cy/styles.ts';
import { defaultFilters } from '../../../web/state/filters.ts';
import { countCanvas, statusText } from '../../../web/ui/status-line.ts';
import { edge, node } from './fixture-graph.ts';

/** `groups` cliques of `size` tasks, each joined to the next by one edge, plus a lone pair. */
function cliques(groups: number, size: number): { nodes: GraphNode[]; edges: GraphEdge[]; members: string[][] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const members: string[][] = [];
  for (let g = 0; g < groups; g++) {
    const group = Array.from({ length: size }, (_, i) => node(i === 0 ? 'Agency' : 'Task', `组${g}-${i}`));
    nodes.push(...group);
    members.push(group.map((n) => n.id).sort());
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) edges.push(edge('COOPERATES', group[i]!, group[j]!));
    if (g > 0) edges.push(edge('MENTIONS', nodes[(g - 1) * size + 1]!, group[1]!));
  }
  const a = node('Enterprise', '孤立甲');
  const b = node('Enterprise', '孤立乙');
  nodes.push(a, b);
  edges.push(edge('MENTIONS', a, b));
  return { nodes, edges, members };
}

function makeCanvas(threshold: number) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet() });
  const c = new GraphCanvas(cy, { lang: () => 'zh', moreLabel: (n) => `还有 ${n} 个`, clusterLabel: (name, n) => `${name}等 ${n} 个` });
  c.clusterThreshold = threshold;
  return c;
}

describe('planClusters', () => {
  const g = cliques(4, 8);
  it('finds the cliques as communities and leaves groups under the minimum drawn', () => {
    const plan = planClusters(g.nodes, g.edges);
    expect(plan.map((c) => [...c.members].sort())).toEqual(expect.arrayContaining(g.members));
    expect(plan).toHaveLength(4);
    expect(MIN_CLUSTER).toBeGreaterThan(2);
    expect(plan.flatMap((c) => c.members)).not.toContain('enterprise:孤立甲');
    expect(plan.every((c) => c.type === 'Task')).toBe(true);
  });
  it('gives the same clusters on every run (a link reproduces them)', () => {
    expect(planClusters(g.nodes, g.edges)).toEqual(planClusters(g.nodes, g.edges));
  });
  it('never groups a kept node, and groups by type when asked', () => {
    const keep = g.members[0]![0]!;
    expect(planClusters(g.nodes, g.edges, { keep: new Set([keep]) }).flatMap((c) => c.members)).not.toContain(keep);
    const byType = planClusters(g.nodes, g.edges, { mode: 'type' });
    expect(byType.map((c) => [c.key, c.members.length])).toEqual([['Task', 28], ['Agency', 4]]);
  });
  it('keeps a hub (a node tied to a tenth of the view) drawn, and names each cluster after its busiest member', () => {
    const hub = node('Technology', '节能环保');
    // Three tasks of each clique target the hub: 12 edges, over a tenth of the 37 nodes.
    const spokes = g.nodes.filter((n) => /-[234]$/u.test(n.name)).map((n) => edge('TARGETS', n, hub));
    const edges = [...g.edges, ...spokes];
    const plan = planClusters([...g.nodes, hub], edges);
    expect(spokes).toHaveLength(12);
    expect(plan.flatMap((c) => c.members)).not.toContain(hub.id);
    expect(plan).toHaveLength(4);
    const degree = (id: string) => edges.filter((e) => e.source === id || e.target === id).length;
    for (const c of plan) {
      expect(c.members).toContain(c.lead);
      expect(degree(c.lead)).toBe(Math.max(...c.members.map(degree)));
    }
  });
  it('sizes clusters by member count within bounds', () => {
    expect(clusterSize(1, 100)).toBeLessThan(clusterSize(50, 100));
    expect(clusterSize(100, 100)).toBe(CLUSTER_MAX_SIZE);
    expect(clusterSize(0, 0)).toBe(CLUSTER_MIN_SIZE);
  });
});

describe('GraphCanvas clusters', () => {
  const g = cliques(4, 8);
  const total = g.nodes.length + g.edges.length;

  it('stays as it is at or under the threshold', () => {
    const c = makeCanvas(total);
    c.addSubgraph(g);
    expect(c.cy.nodes('.cluster')).toHaveLength(0);
    expect(c.drawnCount()).toBe(total);
  });

  it('above the threshold draws one cluster per community and says how many elements they hold', () => {
    const c = makeCanvas(50);
    c.addSubgraph(g);
    const clusters = c.cy.nodes('.cluster');
    expect(clusters).toHaveLength(4);
    expect(clusters.map((n) => Number(n.data('count')))).toEqual([8, 8, 8, 8]);
    const counts = countCanvas(c.cy, 0);
    // The lone pair and its edge stay drawn; everything else is inside the clusters.
    expect(c.drawnCount()).toBe(3);
    expect(counts.clusteredNodes + counts.clusteredEdges).toBe(total - c.drawnCount());
    expect(counts.totalNodes).toBe(g.nodes.length);
    // Three bridges between neighbouring cliques become three cluster edges of weight 1.
    expect(c.cy.edges('.cluster-edge').map((e) => Number(e.data('weight')))).toEqual([1, 1, 1]);
    const text = statusText(counts, defaultFilters(), { limit: 50, by: 'community' });
    expect(text).toContain(`${total - 3} 个元素收在 4 个簇中`);
    expect(text).toContain('超过 50 个元素');
  });

  it('opens one cluster into exactly its members and keeps the others collapsed; undo closes it again', () => {
    const c = makeCanvas(50);
    c.addSubgraph(g);
    const first = c.cy.nodes('.cluster')[0]!;
    const members = [...(first.data('members') as string[])].sort();
    const opened = c.openCluster(first.id()).sort();
    expect(opened).toEqual(members);
    const drawnNodes = c.cy.nodes().not('.clustered').not('.cluster').map((n) => n.id()).sort();
    expect(drawnNodes).toEqual([...members, 'enterprise:孤立乙', 'enterprise:孤立甲'].sort());
    expect(c.cy.nodes('.cluster')).toHaveLength(3);
    // The clique's 28 inner edges are drawn again; its bridge to a closed cluster is a cluster edge.
    expect(c.drawnCount()).toBe(3 + 8 + 28);
    expect(c.cy.edges('.cluster-edge').map((e) => e.source().hasClass('cluster') || e.target().hasClass('cluster'))).not.toContain(false);
    expect(c.undo()).toBe(true);
    expect(c.cy.nodes('.cluster')).toHaveLength(4);
    expect(c.drawnCount()).toBe(3);
  });

  it('hiding a cluster removes its members with it', () => {
    const c = makeCanvas(50);
    c.addSubgraph(g);
    const first = c.cy.nodes('.cluster')[0]!;
    const members = first.data('members') as string[];
    c.hide([first.id()]);
    expect(members.every((m) => c.cy.getElementById(m).empty())).toBe(true);
    expect(c.cy.nodes('.cluster')).toHaveLength(3);
  });
});
