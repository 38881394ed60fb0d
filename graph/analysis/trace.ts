import type { JsonValue, ResponsibilityRole } from '../model/index.ts';
import type { TraceAgency } from '../store/types.ts';
import { DEFAULT_LIMIT } from '../store/types.ts';
import { glossOf } from './workload.ts';

// Trace assembly shared by both stores: each store reads the few edges involved and this
// decides everything else, so the two give identical answers.

// A task's rows list leads first, then cooperation, then unsplit responsibility.
const ROLE_ORDER: Record<ResponsibilityRole, number> = { LEADS: 0, COOPERATES: 1, RESPONSIBLE: 2 };

export interface SubfieldEdge { id: string; child: string; parent: string }
export interface TargetEdge { id: string; task: string; technology: string }
export interface TraceResponsibility {
  id: string;
  agency: { id: string; name: string; type: string; props: Record<string, JsonValue> };
  task: { id: string; name: string };
  role: ResponsibilityRole;
}

/** The traced technology and its subfields (breadth first), each with its hop toward the root. */
export function technologyTree(root: string, subfields: readonly SubfieldEdge[]) {
  const children = new Map<string, SubfieldEdge[]>();
  for (const e of subfields) {
    const list = children.get(e.parent) ?? [];
    list.push(e);
    children.set(e.parent, list);
  }
  const order = [root];
  const up = new Map<string, SubfieldEdge>();
  const depth = new Map<string, number>([[root, 0]]);
  for (let i = 0; i < order.length; i++) {
    const parent = order[i] as string;
    const kids = [...(children.get(parent) ?? [])].sort((a, b) => (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
    for (const e of kids) {
      if (depth.has(e.child)) continue;
      depth.set(e.child, (depth.get(parent) ?? 0) + 1);
      up.set(e.child, e);
      order.push(e.child);
    }
  }
  return { order, up, depth };
}

export interface TraceAssembly {
  technologies: string[];
  agencies: TraceAgency[];
  nodeIds: string[];
  edgeIds: string[];
  truncated: boolean;
}

export function assembleTrace(
  root: string,
  subfields: readonly SubfieldEdge[],
  targets: readonly TargetEdge[],
  responsibilities: readonly TraceResponsibility[],
  limit = DEFAULT_LIMIT,
): TraceAssembly {
  const tree = technologyTree(root, subfields);
  // A task aimed at several traced technologies is attributed to the one nearest the root.
  const taskTech = new Map<string, TargetEdge>();
  for (const t of targets) {
    const d = tree.depth.get(t.technology);
    if (d === undefined) continue;
    const cur = taskTech.get(t.task);
    const curDepth = cur ? (tree.depth.get(cur.technology) ?? 0) : Infinity;
    if (!cur || d < curDepth || (d === curDepth && t.technology < cur.technology)) taskTech.set(t.task, t);
  }
  const chain = (tech: string): { nodes: string[]; edges: string[] } => {
    const nodes = [tech];
    const edges: string[] = [];
    for (let e = tree.up.get(tech); e; e = tree.up.get(e.parent)) {
      nodes.push(e.parent);
      edges.push(e.id);
    }
    return { nodes, edges };
  };

  const byAgency = new Map<string, { agency: TraceResponsibility['agency']; rows: TraceResponsibility[] }>();
  const seen = new Set<string>();
  for (const r of responsibilities) {
    if (r.agency.type !== 'Agency' || r.agency.props['collective'] === true || !taskTech.has(r.task.id)) continue;
    const key = `${r.agency.id}\u0000${r.task.id}\u0000${r.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = byAgency.get(r.agency.id) ?? { agency: r.agency, rows: [] };
    entry.rows.push(r);
    byAgency.set(r.agency.id, entry);
  }

  const agencies: (TraceAgency & { rows: TraceResponsibility[] })[] = [];
  for (const { agency, rows } of byAgency.values()) {
    rows.sort((a, b) => (a.role === b.role ? (a.task.id < b.task.id ? -1 : 1) : ROLE_ORDER[a.role] - ROLE_ORDER[b.role]));
    const first = rows[0] as TraceResponsibility;
    const firstTech = (taskTech.get(first.task.id) as TargetEdge).technology;
    const level = agency.props['level'];
    agencies.push({
      agency: { id: agency.id, name: agency.name, nameEn: glossOf(agency.props), type: 'Agency', level: level === 'municipal' || level === 'district' || level === 'national' || level === 'other' ? level : null },
      led: new Set(rows.filter((r) => r.role === 'LEADS').map((r) => r.task.id)).size,
      cooperated: new Set(rows.filter((r) => r.role === 'COOPERATES').map((r) => r.task.id)).size,
      responsible: new Set(rows.filter((r) => r.role === 'RESPONSIBLE').map((r) => r.task.id)).size,
      tasks: rows.map((r) => ({ id: r.task.id, name: r.task.name, role: r.role, technology: (taskTech.get(r.task.id) as TargetEdge).technology })),
      path: [agency.id, first.task.id, ...chain(firstTech).nodes],
      rows,
    });
  }
  agencies.sort(
    (a, b) => b.led + b.cooperated + b.responsible - (a.led + a.cooperated + a.responsible) || (a.agency.name < b.agency.name ? -1 : a.agency.name > b.agency.name ? 1 : 0) || (a.agency.id < b.agency.id ? -1 : 1),
  );

  // Subgraph: the paths agency → task → technology → … → root, capped at `limit` nodes.
  const nodeIds = new Set<string>([root]);
  const edgeIds = new Set<string>();
  let truncated = false;
  outer: for (const a of agencies) {
    for (const r of a.rows) {
      const target = taskTech.get(r.task.id) as TargetEdge;
      const c = chain(target.technology);
      const need = [a.agency.id, r.task.id, ...c.nodes].filter((id) => !nodeIds.has(id));
      if (nodeIds.size + new Set(need).size > limit) {
        truncated = true;
        break outer;
      }
      for (const id of need) nodeIds.add(id);
      for (const id of [r.id, target.id, ...c.edges]) edgeIds.add(id);
    }
  }
  return {
    technologies: tree.order,
    agencies: agencies.map(({ rows: _rows, ...a }) => a),
    nodeIds: [...nodeIds],
    edgeIds: [...edgeIds],
    truncated,
  };
}
