import type { AgencyLevel, JsonValue, ResponsibilityRole } from '../model/index.ts';
import type { AgencyWorkload, RoleCounts, WorkloadOptions } from '../store/types.ts';

/** One responsibility edge as both stores can read it: who, which task, which role. */
export interface ResponsibilityRow {
  agency: { id: string; type: string; name: string; props: Record<string, JsonValue> };
  task: { id: string; props: Record<string, JsonValue> };
  role: ResponsibilityRole;
  /** Documents whose evidence supports this responsibility: a shared row counts for each. */
  docs: readonly string[];
}

/** Year of the latest deadline `end`, or "none": the year a task is due. */
export function deadlineYear(taskProps: Record<string, JsonValue>): string {
  const deadlines = taskProps['deadlines'];
  let latest: string | null = null;
  if (Array.isArray(deadlines)) {
    for (const d of deadlines) {
      if (d && typeof d === 'object' && !Array.isArray(d) && typeof d['end'] === 'string') {
        if (latest === null || d['end'] > latest) latest = d['end'];
      }
    }
  }
  return latest ? latest.slice(0, 4) : 'none';
}

function levelOf(props: Record<string, JsonValue>): AgencyLevel | null {
  const level = props['level'];
  return level === 'municipal' || level === 'district' || level === 'national' || level === 'other' ? level : null;
}

const ROLE_KEYS: Record<ResponsibilityRole, keyof RoleCounts> = { LEADS: 'led', COOPERATES: 'cooperated', RESPONSIBLE: 'responsible' };
const noCounts = (): RoleCounts => ({ led: 0, cooperated: 0, responsible: 0 });
const bump = (rec: Record<string, RoleCounts>, key: string, role: keyof RoleCounts) => {
  const counts = (rec[key] ??= noCounts());
  counts[role]++;
};

/**
 * Workload per agency. `rows` (table rows) is the authority; `sections` counts section tasks;
 * byDoc and byYear count every task of either kind. One row per responsibility edge, and there is
 * one edge per (type, source, target) (model/ids.ts edgeId), so each (agency, task, role) counts once.
 */
export function computeWorkload(rows: Iterable<ResponsibilityRow>, options: WorkloadOptions = {}): AgencyWorkload[] {
  const byAgency = new Map<string, AgencyWorkload>();
  const years = new Map<string, string>();
  for (const { agency, task, role, docs } of rows) {
    if (agency.type !== 'Agency') continue;
    if (agency.props['collective'] === true && !options.includeCollective) continue;
    const level = levelOf(agency.props);
    if (options.level && level !== options.level) continue;
    const taskDocs = docs.length > 0 ? docs : [typeof task.props['doc'] === 'string' ? task.props['doc'] : 'unknown'];
    if (options.doc && !taskDocs.includes(options.doc)) continue;
    let year = years.get(task.id);
    if (year === undefined) years.set(task.id, (year = deadlineYear(task.props)));
    let w = byAgency.get(agency.id);
    if (!w) {
      w = { agency: { id: agency.id, name: agency.name, nameEn: glossOf(agency.props), level }, rows: noCounts(), sections: noCounts(), byDoc: {}, byYear: {} };
      byAgency.set(agency.id, w);
    }
    const r = ROLE_KEYS[role];
    if (task.props['kind'] === 'tableRow') w.rows[r]++;
    else if (task.props['kind'] === 'section') w.sections[r]++;
    for (const doc of taskDocs) bump(w.byDoc, doc, r);
    bump(w.byYear, year, r);
  }
  return [...byAgency.values()].sort(compareWorkload);
}

export function compareWorkload(a: AgencyWorkload, b: AgencyWorkload): number {
  return (
    b.rows.led - a.rows.led ||
    b.rows.cooperated - a.rows.cooperated ||
    b.rows.responsible - a.rows.responsible ||
    b.sections.led - a.sections.led ||
    (a.agency.name < b.agency.name ? -1 : a.agency.name > b.agency.name ? 1 : 0) ||
    (a.agency.id < b.agency.id ? -1 : a.agency.id > b.agency.id ? 1 : 0)
  );
}

/** The curated English gloss the ETL put on an agency, if any. */
export function glossOf(props: Record<string, JsonValue>): string | null {
  const v = props['nameEn'];
  return typeof v === 'string' && v !== '' ? v : null;
}
