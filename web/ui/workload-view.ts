import type { AgencyWorkload } from '../api/client.ts';
import type { AppContext } from './app-context.ts';
import { tasksSource } from './canvas-source.ts';
import { h } from './feedback.ts';
import { getLang, t } from './i18n.ts';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 22;
const LABEL_W = 130;
const BAR_W = 200;

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

function el<K extends string>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function yearChips(a: AgencyWorkload): string {
  return Object.entries(a.byYear).sort(([x], [y]) => x.localeCompare(y))
    .map(([year, c]) => `${year === 'none' ? t('noDeadline') : year}: ${c.led}+${c.cooperated}`).join('  ');
}

function chart(ranked: AgencyWorkload[], onPick: (a: AgencyWorkload) => void, gloss: ReadonlyMap<string, string>): SVGElement {
  const max = Math.max(1, ...ranked.map(totalOf));
  // In English each bar gets a second line for the gloss.
  const row = gloss.size ? ROW + 10 : ROW;
  const svg = el('svg', { class: 'bars', width: LABEL_W + BAR_W + 40, height: ranked.length * row + 4, role: 'list', 'aria-label': t('workload') });
  ranked.forEach((a, i) => {
    const y = i * row + 2;
    const led = (a.rows.led / max) * BAR_W;
    const coop = (a.rows.cooperated / max) * BAR_W;
    const g1 = gloss.get(a.agency.id);
    const label = `${a.agency.name}${g1 ? ` (${g1})` : ''}: ${t('led')} ${a.rows.led}, ${t('cooperated')} ${a.rows.cooperated}`;
    const g = el('g', { class: 'bar', tabindex: 0, role: 'button', 'aria-label': label, 'data-agency': a.agency.name, 'data-id': a.agency.id });
    g.append(
      el('title', {}, `${label}\n${t('byYear')}: ${yearChips(a)}`),
      el('text', { x: LABEL_W - 4, y: y + 14, 'text-anchor': 'end' }, a.agency.name.length > 9 ? `${a.agency.name.slice(0, 8)}…` : a.agency.name),
      el('rect', { x: LABEL_W, y: y + 3, width: Math.max(led, 0), height: ROW - 6, fill: '#0072B2' }),
      el('rect', { x: LABEL_W + led, y: y + 3, width: Math.max(coop, 0), height: ROW - 6, fill: '#56B4E9' }),
      el('text', { x: LABEL_W + led + coop + 4, y: y + 14 }, `${a.rows.led}+${a.rows.cooperated}`),
    );
    if (g1) g.append(el('text', { x: LABEL_W - 4, y: y + 25, 'text-anchor': 'end', class: 'gloss-line' }, g1.length > 24 ? `${g1.slice(0, 23)}…` : g1));
    g.addEventListener('click', () => onPick(a));
    g.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') { ev.preventDefault(); onPick(a); } });
    svg.append(g);
  });
  return svg;
}

function yearBreakdown(a: AgencyWorkload): HTMLElement {
  const rows = Object.entries(a.byYear).sort(([x], [y]) => x.localeCompare(y));
  const max = Math.max(1, ...rows.map(([, c]) => c.led + c.cooperated));
  const bar = (n: number, cls: string) => h('span', { class: `minibar ${cls}`, style: `width:${Math.round((n / max) * 120)}px` });
  return h('table', { class: 'data', id: 'workload-years' },
    h('caption', {}, `${a.agency.name} — ${t('byYear')}`),
    h('tr', {}, h('th', {}, ''), h('th', {}, t('led')), h('th', {}, t('cooperated')), h('th', {}, '')),
    ...rows.map(([year, c]) => h('tr', {}, h('th', {}, year === 'none' ? t('noDeadline') : year), h('td', {}, String(c.led)), h('td', {}, String(c.cooperated)),
      h('td', { 'aria-hidden': 'true' }, bar(c.led, 'led'), bar(c.cooperated, 'coop')))));
}

/** English glosses of the ranked agencies (the API sends them along), shown in English only. */
function glosses(ranked: AgencyWorkload[]): Map<string, string> {
  if (getLang() !== 'en') return new Map();
  return new Map(ranked.flatMap((a) => (a.agency.nameEn ? [[a.agency.id, a.agency.nameEn] as [string, string]] : [])));
}

/** Ranked stacked bars (led / cooperated); a bar click puts that agency's tasks on the canvas. */
export async function renderWorkload(el: HTMLElement, ctx: AppContext, arg: string | null): Promise<void> {
  el.append(h('h2', {}, t('workload')), h('p', { class: 'hint' }, t('workloadHint')));
  const f = ctx.state.filters;
  const res = await ctx.run(() => ctx.api.workload({ level: f.level ?? undefined, doc: f.doc ?? undefined }));
  if (!res) return;
  ctx.canvas.workload = workloadMap(res.agencies);
  const ranked = rankWorkload(res.agencies);
  const years = h('div', { id: 'workload-breakdown' });
  const pick = async (a: AgencyWorkload, fromUrl = false) => {
    years.replaceChildren(yearBreakdown(a));
    if (!fromUrl) { ctx.state.arg = a.agency.id; ctx.syncUrl(); }
    if (ctx.state.source !== tasksSource(a.agency.id)) {
      const sub = await ctx.run(() => ctx.api.neighbors(a.agency.id, { edgeTypes: ['LEADS', 'COOPERATES'], nodeTypes: ['Agency', 'Task'] }));
      if (!sub) return;
      ctx.showSubgraph(sub, { replace: true, source: tasksSource(a.agency.id) });
    }
    if (!fromUrl) ctx.select(a.agency.id);
  };
  const legend = h('p', { class: 'hint' }, h('span', { style: 'color:#0072B2' }, '■'), ` ${t('led')}  `, h('span', { style: 'color:#56B4E9' }, '■'), ` ${t('cooperated')}`);
  // The breakdown sits above the long chart so a bar click shows its result without scrolling.
  el.append(years, legend, chart(ranked, (a) => void pick(a), glosses(ranked)));
  const chosen = arg ? ranked.find((a) => a.agency.id === arg) : undefined;
  if (chosen) await pick(chosen, true);
  else if (ranked[0]) years.replaceChildren(yearBreakdown(ranked[0]));
}
