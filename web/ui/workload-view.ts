import type { AgencyWorkload } from '../api/client.ts';
import type { AppContext } from './app-context.ts';
import { tasksSource } from './canvas-source.ts';
import { h } from './feedback.ts';
import { getLang, t } from './i18n.ts';
import { HEAT_SORTS, buildHeat, cellText, heatColor, responsibleOf } from './workload-heat.ts';
import type { HeatSort } from './workload-heat.ts';
import type { MessageKey } from './i18n.ts';

export function totalOf(a: AgencyWorkload): number {
  return a.rows.led + a.rows.cooperated;
}

/** Ranked by table rows led plus cooperated; leads break ties (they carry the task), then name. */
export function rankWorkload(agencies: readonly AgencyWorkload[]): AgencyWorkload[] {
  return [...agencies].filter((a) => totalOf(a) > 0).sort((a, b) => totalOf(b) - totalOf(a) || b.rows.led - a.rows.led || a.agency.name.localeCompare(b.agency.name, 'zh'));
}

/** Agency id → rows led and cooperated: what "size by workload" draws. */
export function workloadMap(agencies: readonly AgencyWorkload[]): Map<string, number> {
  return new Map(agencies.map((a) => [a.agency.id, totalOf(a)]));
}

const SORT_KEY: Record<HeatSort, MessageKey> = { lead: 'sortLead', total: 'sortTotal', name: 'sortName' };
/** Survives re-renders (filter changes, tab switches). */
let sort: HeatSort = 'lead';

function roleCounts(c: { led: number; cooperated: number }): string {
  const r = responsibleOf(c);
  return r ? `${c.led}/${c.cooperated}/${r}` : `${c.led}/${c.cooperated}`;
}

/**
 * Agency × year heat map for planners: lead / cooperate (/ responsible) per deadline year, with
 * the table-row counts beside. The year and level filters drive it; a row click puts that
 * agency's tasks on the canvas and marks the row in place, so nothing moves under the pointer.
 */
export async function renderWorkload(el: HTMLElement, ctx: AppContext, arg: string | null): Promise<void> {
  const f = ctx.state.filters;
  const res = await ctx.run(() => ctx.api.workload({ level: f.level ?? undefined, doc: f.doc ?? undefined }));
  if (!res) return;
  ctx.canvas.workload = workloadMap(res.agencies);
  const sortSel = h('select', { id: 'workload-sort', 'aria-label': t('sortBy') }, ...HEAT_SORTS.map((s) => h('option', { value: s }, t(SORT_KEY[s]))));
  sortSel.value = sort;
  const tableBox = h('div', { class: 'heat-scroll', id: 'workload-heat-box' });
  const yearNote = f.yearFrom !== null || f.yearTo !== null ? h('p', { class: 'hint' }, t('yearFilterNote', { from: f.yearFrom ?? '…', to: f.yearTo ?? '…' })) : '';
  el.append(h('h2', {}, t('workload')), h('p', { class: 'hint', id: 'workload-explain' }, t('heatHint')), h('p', { class: 'hint' }, t('heatRowsHint')), yearNote,
    h('label', { class: 'inline' }, `${t('sortBy')} `, sortSel), tableBox);

  const pick = async (a: AgencyWorkload, fromUrl = false) => {
    tableBox.querySelectorAll('tr.chosen').forEach((tr) => { tr.classList.remove('chosen'); tr.removeAttribute('aria-current'); });
    const tr = tableBox.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(a.agency.id)}"]`);
    tr?.classList.add('chosen');
    tr?.setAttribute('aria-current', 'true');
    if (!fromUrl) { ctx.state.arg = a.agency.id; ctx.syncUrl(); }
    if (ctx.state.source !== tasksSource(a.agency.id)) {
      const sub = await ctx.run(() => ctx.api.neighbors(a.agency.id, { edgeTypes: ['LEADS', 'COOPERATES'], nodeTypes: ['Agency', 'Task'] }));
      if (!sub) return;
      ctx.showSubgraph(sub, { replace: true, source: tasksSource(a.agency.id) });
    }
    if (!fromUrl) ctx.select(a.agency.id);
  };
  const draw = () => {
    const heat = buildHeat(res.agencies, { yearFrom: f.yearFrom, yearTo: f.yearTo, sort });
    const en = getLang() === 'en';
    const head = h('tr', {}, h('th', { scope: 'col' }, t('agencies')), h('th', { scope: 'col' }, t('rowsCol')), h('th', { scope: 'col' }, t('sectionsCol')),
      ...heat.years.map((y) => h('th', { scope: 'col' }, y === 'none' ? t('noDeadline') : y)), h('th', { scope: 'col' }, t('total')));
    const body = heat.rows.map((row) => {
      const a = row.workload;
      const name = h('button', { type: 'button', class: 'link' }, a.agency.name);
      name.addEventListener('click', () => void pick(a));
      return h('tr', { 'data-id': a.agency.id, 'data-agency': a.agency.name },
        h('th', { scope: 'row' }, name, en && a.agency.nameEn ? h('span', { class: 'gloss' }, ` ${a.agency.nameEn}`) : null),
        h('td', { class: 'num', 'data-col': 'rows' }, roleCounts(a.rows)), h('td', { class: 'num', 'data-col': 'sections' }, roleCounts(a.sections)),
        ...heat.years.map((y) => {
          const c = row.cells.get(y);
          const sum = c ? c.led + c.cooperated + c.responsible : 0;
          return h('td', { class: 'num cell', 'data-year': y, style: `background:${heatColor(sum, heat.max)}` }, c ? cellText(c) : '');
        }),
        h('td', { class: 'num', 'data-col': 'total' }, String(row.total)));
    });
    const legend = `${t('led')}/${t('cooperated')}${heat.rows.some((r) => [...r.cells.values()].some((c) => c.responsible)) ? `/${t('responsible')}` : ''}`;
    tableBox.replaceChildren(h('table', { class: 'data heat', id: 'workload-heat' }, h('caption', {}, `${t('heatTitle')} (${legend})`), h('thead', {}, head), h('tbody', {}, ...body)));
    const chosen = ctx.state.arg ? tableBox.querySelector(`tr[data-id="${CSS.escape(ctx.state.arg)}"]`) : null;
    chosen?.classList.add('chosen');
  };
  sortSel.addEventListener('change', () => { sort = sortSel.value as HeatSort; draw(); });
  draw();
  const chosen = arg ? res.agencies.find((a) => a.agency.id === arg) : undefined;
  if (chosen) await pick(chosen, true);
}
