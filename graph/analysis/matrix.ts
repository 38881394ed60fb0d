import type { GraphEdge, GraphNode } from '../model/index.ts';
import { isResponsibilityEdge, RESPONSIBILITY_EDGE_TYPES, type ResponsibilityRole } from '../model/index.ts';
import { InvalidInputError, NotFoundError } from '../store/errors.ts';
import { DEFAULT_LIMIT, type GraphStore } from '../store/types.ts';

export type Role = ResponsibilityRole;

// One cell per pair: a pair with several roles shows the strongest.
const STRENGTH: Record<Role, number> = { LEADS: 2, COOPERATES: 1, RESPONSIBLE: 0 };
export interface MatrixCell {
  agency: string;
  task: string;
  role: Role;
}
export interface ResponsibilityMatrix {
  agencies: { id: string; name: string }[];
  tasks: { id: string; name: string }[];
  cells: MatrixCell[];
  truncated: boolean;
  limit: number;
}
export interface MatrixRequest {
  agencies?: readonly string[];
  tasks?: readonly string[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Agency × task cells from responsibility edges. Rows and columns the caller named come first in
 * the caller's order (even when empty); the rest are those the edges reached, by id. A pair with
 * several roles shows the strongest (LEADS, then COOPERATES, then RESPONSIBLE). At most `limit` cells, agencies and tasks each.
 */
export function buildMatrix(
  nodes: ReadonlyMap<string, GraphNode>,
  edges: readonly GraphEdge[],
  request: MatrixRequest,
  limit = DEFAULT_LIMIT,
  alreadyTruncated = false,
): ResponsibilityMatrix {
  // An empty list means "not given", never "nothing".
  const wantAgencies = request.agencies?.length ? new Set(request.agencies) : undefined;
  const wantTasks = request.tasks?.length ? new Set(request.tasks) : undefined;
  const roles = new Map<string, MatrixCell>();
  for (const e of edges) {
    if (!isResponsibilityEdge(e.type)) continue;
    if (nodes.get(e.target)?.type !== 'Task') continue;
    if (wantAgencies && !wantAgencies.has(e.source)) continue;
    if (wantTasks && !wantTasks.has(e.target)) continue;
    const key = `${e.source}\u0000${e.target}`;
    const prev = roles.get(key);
    if (!prev || STRENGTH[e.type] > STRENGTH[prev.role]) roles.set(key, { agency: e.source, task: e.target, role: e.type });
  }
  const all = [...roles.values()].sort((a, b) => (a.agency === b.agency ? (a.task < b.task ? -1 : 1) : a.agency < b.agency ? -1 : 1));
  const axis = (named: readonly string[] | undefined, reached: Iterable<string>) => {
    const order = [...(named ?? [])];
    const seen = new Set(order);
    const rest = [...new Set(reached)].filter((id) => !seen.has(id)).sort();
    return [...order, ...rest].map((id) => ({ id, name: nodes.get(id)?.name ?? id }));
  };
  const agencies = axis(request.agencies, all.map((c) => c.agency));
  const tasks = axis(request.tasks, all.map((c) => c.task));
  const truncated = alreadyTruncated || all.length > limit || agencies.length > limit || tasks.length > limit;
  const keptAgencies = agencies.slice(0, limit);
  const keptTasks = tasks.slice(0, limit);
  const a = new Set(keptAgencies.map((x) => x.id));
  const t = new Set(keptTasks.map((x) => x.id));
  const cells = all.filter((c) => a.has(c.agency) && t.has(c.task)).slice(0, limit);
  return { agencies: keptAgencies, tasks: keptTasks, cells, truncated, limit };
}

/**
 * Reads the responsibility edges around the named agencies (or, given only tasks, around the
 * tasks) and builds the matrix. Unknown ids are a NotFoundError naming the first one.
 */
export async function computeMatrix(store: GraphStore, request: MatrixRequest, limit = DEFAULT_LIMIT): Promise<ResponsibilityMatrix> {
  const agencies = request.agencies ?? [];
  const tasks = request.tasks ?? [];
  if (agencies.length === 0 && tasks.length === 0) throw new InvalidInputError('give agencies, tasks or both', 'agencies');
  const named = [...agencies, ...tasks];
  const found = new Map((await store.getNodes(named)).map((n) => [n.id, n]));
  const missing = named.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFoundError('node', missing);
  const wrongTask = tasks.find((id) => found.get(id)?.type !== 'Task');
  if (wrongTask !== undefined) throw new InvalidInputError(`not a task: ${wrongTask}`, 'tasks');
  const wrongAgency = agencies.find((id) => found.get(id)?.type === 'Task' || found.get(id)?.type === 'Technology' || found.get(id)?.type === 'Document');
  if (wrongAgency !== undefined) throw new InvalidInputError(`not an organisation: ${wrongAgency}`, 'agencies');

  // Walk from the smaller side; the other side (if given) filters.
  const starts = agencies.length > 0 && (tasks.length === 0 || agencies.length <= tasks.length) ? agencies : tasks;
  const nodes = new Map(found);
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  for (const id of starts) {
    const sub = await store.neighbors(id, { depth: 1, edgeTypes: RESPONSIBILITY_EDGE_TYPES, limit });
    truncated ||= sub.truncated;
    for (const n of sub.nodes) nodes.set(n.id, n);
    for (const e of sub.edges) edges.set(e.id, e);
  }
  const result = buildMatrix(nodes, [...edges.values()].sort(byId), request, limit, truncated);
  return result;
}
