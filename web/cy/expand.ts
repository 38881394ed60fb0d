import type { ElementDefinition, Position } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../graph/model/index.ts';

/** At most this many neighbours join the canvas per expansion; the rest wait behind "N more". */
export const EXPAND_CAP = 100;

export interface Pending {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ExpansionPlan {
  add: GraphNode[];
  /** Edges whose two ends will both be on the canvas after this step. */
  edges: GraphEdge[];
  /** Neighbours not added yet, with the edges that reach them: never dropped silently. */
  rest: Pending;
}

/** Split a neighbourhood into what joins the canvas now and what waits. Pure, so Node tests can hold it to the cap. */
export function planExpansion(centerId: string, sub: Pending, present: ReadonlySet<string>, cap = EXPAND_CAP): ExpansionPlan {
  const fresh = sub.nodes.filter((n) => n.id !== centerId && !present.has(n.id));
  const add = fresh.slice(0, cap);
  const restNodes = fresh.slice(cap);
  const after = new Set(present);
  after.add(centerId);
  for (const n of add) after.add(n.id);
  const edges: GraphEdge[] = [];
  const restEdges: GraphEdge[] = [];
  for (const e of sub.edges) {
    if (after.has(e.source) && after.has(e.target)) edges.push(e);
    else restEdges.push(e);
  }
  return { add, edges, rest: { nodes: restNodes, edges: restEdges } };
}

export function moreNodeId(centerId: string): string {
  return `more:${centerId}`;
}

/** The visible control standing for neighbours still waiting; clicking it adds the next batch. */
export function moreElements(centerId: string, remaining: number, label: string, at: Position): ElementDefinition[] {
  const id = moreNodeId(centerId);
  return [
    { group: 'nodes', data: { id, label, center: centerId, remaining }, classes: 'more', position: { x: at.x + 60, y: at.y - 50 } },
    { group: 'edges', data: { id: `more-edge:${centerId}`, source: centerId, target: id }, classes: 'more' },
  ];
}

/**
 * Place new neighbours on rings around the centre, facing away from the rest of the graph,
 * so an expansion shows at once without running a global layout.
 */
export function ringPositions(center: Position, count: number, away: Position | null): Position[] {
  const out: Position[] = [];
  const base = away ? Math.atan2(center.y - away.y, center.x - away.x) : 0;
  const spread = away ? Math.PI * 1.3 : Math.PI * 2;
  let placed = 0;
  for (let ring = 1; placed < count; ring++) {
    const radius = 110 + (ring - 1) * 85;
    const capacity = Math.max(6, Math.floor((spread * radius) / 75));
    const n = Math.min(capacity, count - placed);
    for (let i = 0; i < n; i++) {
      const angle = base - spread / 2 + (spread * (i + 0.5)) / n;
      out.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    placed += n;
  }
  return out;
}
