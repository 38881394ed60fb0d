import type { AgencyWorkload } from '../api/client.ts';

export const HEAT_SORTS = ['lead', 'total', 'name'] as const;
export type HeatSort = (typeof HEAT_SORTS)[number];

export interface HeatCell { led: number; cooperated: number; responsible: number }
export interface HeatRow { workload: AgencyWorkload; cells: Map<string, HeatCell>; led: number; total: number }
export interface Heat { years: string[]; rows: HeatRow[]; max: number }

/** The third role (责任单位 lists that name no lead) where the API sends it; 0 from an API without it. */
export function responsibleOf(c: object): number {
  const v = (c as { responsible?: unknown }).responsible;
  return typeof v === 'number' ? v : 0;
}

function inRange(year: string, from: number | null, to: number | null): boolean {
  if (year === 'none') return from === null && to === null;
  const y = Number(year);
  return (from === null || y >= from) && (to === null || y <= to);
}

/**
 * Agency × deadline year over every task (rows and sections), only the years the year filter
 * keeps ("none" only without one). Sorted by lead count in those years (ties: table rows led,
 * then name), by total, or by name; agencies with nothing in range drop out.
 */
export function buildHeat(agencies: readonly AgencyWorkload[], opts: { yearFrom: number | null; yearTo: number | null; sort: HeatSort }): Heat {
  const years = [...new Set(agencies.flatMap((a) => Object.keys(a.byYear)))].filter((y) => inRange(y, opts.yearFrom, opts.yearTo))
    .sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
  let max = 0;
  const rows: HeatRow[] = [];
  for (const w of agencies) {
    const cells = new Map<string, HeatCell>();
    let led = 0;
    let total = 0;
    for (const y of years) {
      const c = w.byYear[y];
      if (!c) continue;
      const cell = { led: c.led, cooperated: c.cooperated, responsible: responsibleOf(c) };
      const sum = cell.led + cell.cooperated + cell.responsible;
      if (sum === 0) continue;
      cells.set(y, cell);
      led += cell.led;
      total += sum;
      max = Math.max(max, sum);
    }
    if (total > 0) rows.push({ workload: w, cells, led, total });
  }
  const byName = (a: HeatRow, b: HeatRow) => a.workload.agency.name.localeCompare(b.workload.agency.name, 'zh');
  const cmp: Record<HeatSort, (a: HeatRow, b: HeatRow) => number> = {
    lead: (a, b) => b.led - a.led || b.workload.rows.led - a.workload.rows.led || b.total - a.total || byName(a, b),
    total: (a, b) => b.total - a.total || b.led - a.led || byName(a, b),
    name: byName,
  };
  return { years, rows: rows.sort(cmp[opts.sort]), max };
}

/** Light-to-mid blue by share of the busiest cell: dark text stays readable on every step. */
export function heatColor(sum: number, max: number): string {
  if (sum <= 0 || max <= 0) return '#ffffff';
  const f = Math.sqrt(sum / max);
  const mix = (a: number, b: number) => Math.round(a + (b - a) * f).toString(16).padStart(2, '0');
  return `#${mix(0xf0, 0x6b)}${mix(0xf6, 0xae)}${mix(0xfc, 0xd6)}`;
}

/** "led/cooperated" or "led/cooperated/responsible" when the third role occurs. */
export function cellText(c: HeatCell): string {
  return c.responsible ? `${c.led}/${c.cooperated}/${c.responsible}` : `${c.led}/${c.cooperated}`;
}
