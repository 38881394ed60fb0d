import type { GraphJson } from '../model/index.ts';

export interface LeadCount {
  id: string;
  name: string;
  level: string | null;
  nameEn: string | null;
  rows: number;
}

/**
 * Agencies by the number of division-table rows they lead: the table is the authority for
 * workload, and collective phrases (各相关部门…) are never counted as a specific agency.
 */
export function topLeadAgencies(graph: GraphJson, limit = 10): LeadCount[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const e of graph.edges) {
    if (e.type !== 'LEADS' || nodes.get(e.target)?.props.kind !== 'tableRow') continue;
    const agency = nodes.get(e.source);
    if (!agency || agency.type !== 'Agency' || agency.props.collective === true) continue;
    counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([id, rows]) => {
      const n = nodes.get(id);
      const level = n?.props.level;
      const nameEn = n?.props.nameEn;
      return { id, name: n?.name ?? id, level: typeof level === 'string' ? level : null, nameEn: typeof nameEn === 'string' ? nameEn : null, rows };
    })
    .sort((a, b) => b.rows - a.rows || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
