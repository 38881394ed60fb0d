import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { NodeType } from '../../graph/model/index.ts';
import { seededRandom } from './layouts.ts';

/**
 * Above this many drawn elements (nodes + edges) the canvas groups nodes into clusters. Measured on
 * 2 shared cores without GPU (npm run bench, "large view first render"): 1,019 drawn elements take
 * 2.0–2.8 s from the link to the painted frame, 1.4–2.1 s of it the seeded fcose layout, which grows
 * faster than the element count; unclustered, 5,656 took 75 s and 11,037 took 223 s. Clustered,
 * those two draw ~210 elements in 3.5–7 s, most of it adding and styling the hidden members. Past
 * ~2,000 elements a hairball cannot be read, and the layout alone passes the 3 s mark.
 */
export const CLUSTER_THRESHOLD = 2000;
/** A community smaller than this stays drawn as its nodes: a cluster of two hides more than it tells. */
export const MIN_CLUSTER = 4;

export type ClusterMode = 'community' | 'type';

export interface PlanNode { id: string; type: NodeType }
export interface PlanEdge { source: string; target: string }

export interface ClusterGroup {
  /** Stable within one plan: `c<n>` for a community, the type name when grouped by type. */
  key: string;
  members: string[];
  /** The members' most common type (it gives the cluster its colour). */
  type: NodeType;
  /** The member with most edges in the view: the cluster is named after it. */
  lead: string;
}

/** At most this many hubs stay drawn: nodes holding the view together (a traced technology, a busy agency). */
export const MAX_HUBS = 5;

/** Nodes whose degree reaches a tenth of the view: grouped, they would leave nothing to see the clusters around. */
export function hubsOf(nodes: readonly PlanNode[], degree: ReadonlyMap<string, number>): string[] {
  const floor = Math.max(10, nodes.length / 10);
  return nodes.filter((n) => (degree.get(n.id) ?? 0) >= floor).sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id)).slice(0, MAX_HUBS).map((n) => n.id);
}

function dominantType(members: readonly string[], typeOf: ReadonlyMap<string, NodeType>): NodeType {
  const counts = new Map<NodeType, number>();
  for (const id of members) {
    const t = typeOf.get(id);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'Task';
}

/**
 * Group the drawn subgraph: Louvain communities (seeded, so a link reproduces the same clusters)
 * or node types. Nodes in `keep` (the focus, pinned nodes) and the view's hubs are never grouped.
 * Biggest group first.
 */
export function planClusters(nodes: readonly PlanNode[], edges: readonly PlanEdge[], opts: { mode?: ClusterMode; keep?: ReadonlySet<string> } = {}): ClusterGroup[] {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const keep = new Set([...(opts.keep ?? []), ...hubsOf(nodes, degree)]);
  const lead = (members: readonly string[]) => members.reduce((best, m) => ((degree.get(m) ?? 0) > (degree.get(best) ?? 0) ? m : best), members[0] ?? '');
  const typeOf = new Map(nodes.map((n) => [n.id, n.type]));
  const groups = new Map<string, string[]>();
  const put = (key: string, id: string) => {
    const list = groups.get(key);
    if (list) list.push(id); else groups.set(key, [id]);
  };
  if (opts.mode === 'type') {
    for (const n of nodes) if (!keep.has(n.id)) put(n.type, n.id);
  } else {
    const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (const n of nodes) g.addNode(n.id);
    for (const e of edges) if (e.source !== e.target && g.hasNode(e.source) && g.hasNode(e.target)) g.mergeEdge(e.source, e.target);
    const community = louvain(g, { rng: seededRandom(20090219) });
    for (const n of nodes) {
      if (keep.has(n.id)) continue;
      put(`c${community[n.id] ?? 0}`, n.id);
    }
  }
  return [...groups]
    .filter(([, m]) => m.length >= MIN_CLUSTER)
    .map(([key, members]) => ({ key, members, type: dominantType(members, typeOf), lead: lead(members) }))
    .sort((a, b) => b.members.length - a.members.length || a.key.localeCompare(b.key));
}
