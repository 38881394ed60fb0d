import type { GraphNode } from '../../graph/model/index.ts';

export interface TimelineItem {
  id: string;
  name: string;
  /** Fractional years; `start` equals `end` for "by <date>" deadlines, drawn as a point. */
  start: number;
  end: number;
  label: string;
  noLead: boolean;
}
export interface TimelineRow {
  key: string;
  label: string;
  items: TimelineItem[];
}
export interface TimelineModel {
  rows: TimelineRow[];
  undated: { id: string; name: string; noLead: boolean }[];
  min: number;
  max: number;
}

/** ISO date → fractional year (2010-07-01 → 2010.5); the end of a period counts to the end of that day. */
export function yearFraction(iso: string, endOfDay = false): number {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y ?? 0;
  const start = Date.UTC(year, 0, 1);
  const t = Date.UTC(year, (m ?? 1) - 1, (d ?? 1) + (endOfDay ? 1 : 0));
  return year + (t - start) / (Date.UTC(year + 1, 0, 1) - start);
}

function intervalsOf(task: GraphNode): { start: number; end: number; label: string }[] {
  const list = Array.isArray(task.props.deadlines) ? task.props.deadlines : [];
  const out: { start: number; end: number; label: string }[] = [];
  for (const d of list) {
    if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.end !== 'string') continue;
    const end = yearFraction(d.end, true);
    const start = typeof d.start === 'string' ? yearFraction(d.start) : end;
    out.push({ start, end, label: typeof d.label === 'string' ? d.label : d.end });
  }
  return out;
}

/**
 * Gantt rows grouped by lead agency or by technology. A task appears in every group it belongs to;
 * tasks with no group land in a flagged row, tasks with no deadline in the undated list.
 */
export function buildTimeline(tasks: readonly GraphNode[], groupsOf: (taskId: string) => { key: string; label: string }[], leadsOf: (taskId: string) => string[], noGroupLabel: string): TimelineModel {
  const rows = new Map<string, TimelineRow>();
  const undated: TimelineModel['undated'] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const task of tasks) {
    const noLead = leadsOf(task.id).length === 0;
    const intervals = intervalsOf(task);
    if (intervals.length === 0) { undated.push({ id: task.id, name: task.name, noLead }); continue; }
    const groups = groupsOf(task.id);
    for (const g of groups.length ? groups : [{ key: '', label: noGroupLabel }]) {
      const row = rows.get(g.key) ?? { key: g.key, label: g.label, items: [] };
      rows.set(g.key, row);
      for (const iv of intervals) {
        row.items.push({ id: task.id, name: task.name, ...iv, noLead });
        min = Math.min(min, iv.start);
        max = Math.max(max, iv.end);
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : b.items.length - a.items.length || a.label.localeCompare(b.label, 'zh')));
  for (const r of sorted) r.items.sort((a, b) => a.start - b.start || a.end - b.end);
  return { rows: sorted, undated, min: Number.isFinite(min) ? Math.floor(min - 1e-9) : 0, max: Number.isFinite(max) ? Math.ceil(max) : 0 };
}
