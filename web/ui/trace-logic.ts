import type { TraceResponse } from '../api/client.ts';

export type TraceAgencyRow = TraceResponse['agencies'][number];
export type TraceTask = TraceAgencyRow['tasks'][number];

/** A task aimed at this many technologies or more is a broad section, not a statement about one technology. */
export const BROAD_TASK_TARGETS = 5;

export interface TraceView {
  agencies: { row: TraceAgencyRow; tasks: TraceTask[]; led: number; cooperated: number; responsible: number }[];
  /** Distinct traced tasks that target BROAD_TASK_TARGETS technologies or more. */
  broadTasks: number;
  sectionTasks: number;
}

const roleCount = (tasks: readonly TraceTask[], role: string) => new Set(tasks.filter((t) => t.role === role).map((t) => t.id)).size;

/**
 * The trace as the panel shows it: optionally without section-level tasks, agencies recounted
 * (lead / cooperate / responsible, each task once per role) and re-ranked; those left without a task drop out.
 */
export function traceView(res: TraceResponse, opts: { excludeSections: boolean }): TraceView {
  const kind = new Map(res.subgraph.nodes.map((n) => [n.id, n.props.kind]));
  const isSection = (id: string) => kind.get(id) === 'section';
  const allTasks = new Set(res.agencies.flatMap((a) => a.tasks.map((t) => t.id)));
  const agencies = res.agencies
    .map((row) => {
      const tasks = row.tasks.filter((t) => !opts.excludeSections || !isSection(t.id));
      return { row, tasks, led: roleCount(tasks, 'LEADS'), cooperated: roleCount(tasks, 'COOPERATES'), responsible: roleCount(tasks, 'RESPONSIBLE') };
    })
    .filter((a) => a.tasks.length > 0)
    // Stable sort: ties keep the API's order, so the list and an API answer read the same.
    .sort((a, b) => b.led + b.cooperated + b.responsible - (a.led + a.cooperated + a.responsible));
  const broad = [...allTasks].filter((id) => (res.breadth[id] ?? 0) >= BROAD_TASK_TARGETS && (!opts.excludeSections || !isSection(id)));
  return { agencies, broadTasks: broad.length, sectionTasks: [...allTasks].filter(isSection).length };
}

/** The responsibility edge a trace task row stands for (its evidence is the reason the agency is listed). */
export function responsibilityEdgeId(agencyId: string, task: TraceTask): string {
  return `${task.role}:${agencyId}->${task.id}`;
}
