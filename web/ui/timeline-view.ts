import type { GraphNode } from '../../graph/model/index.ts';
import type { AppContext } from './app-context.ts';
import { h } from './feedback.ts';
import { t } from './i18n.ts';
import { buildTimeline } from './timeline-data.ts';
import type { TimelineModel } from './timeline-data.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_W = 110;
const PLOT_W = 250;
const BAR_H = 8;

function s(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

interface Links { leads: { id: string; name: string }[]; techs: { id: string; name: string }[] }
const linkCache = new Map<string, Links>();

/** Lead agencies and technologies of each task, from the API (the canvas may hold only part of them). */
async function linksOf(ctx: AppContext, ids: string[]): Promise<void> {
  const todo = ids.filter((id) => !linkCache.has(id));
  for (let i = 0; i < todo.length; i += 8) {
    await Promise.all(todo.slice(i, i + 8).map(async (id) => {
      const sub = await ctx.api.neighbors(id, { edgeTypes: ['LEADS', 'TARGETS'] });
      const name = (nid: string) => sub.nodes.find((n) => n.id === nid)?.name ?? nid;
      linkCache.set(id, {
        leads: sub.edges.filter((e) => e.type === 'LEADS' && e.target === id).map((e) => ({ id: e.source, name: name(e.source) })),
        techs: sub.edges.filter((e) => e.type === 'TARGETS' && e.source === id).map((e) => ({ id: e.target, name: name(e.target) })),
      });
    }));
  }
}

function chart(model: TimelineModel, onPick: (id: string) => void): SVGElement {
  const span = Math.max(1, model.max - model.min);
  const x = (v: number) => LABEL_W + ((v - model.min) / span) * PLOT_W;
  const rowHeights = model.rows.map((r) => 16 + r.items.length * (BAR_H + 3));
  const height = 20 + rowHeights.reduce((a, b) => a + b, 0);
  const svg = s('svg', { class: 'bars timeline', width: LABEL_W + PLOT_W + 20, height, role: 'list', 'aria-label': t('timeline') });
  for (let y = model.min; y <= model.max; y++) {
    svg.append(s('line', { x1: x(y), x2: x(y), y1: 14, y2: height, stroke: '#ddd' }), s('text', { x: x(y), y: 11, 'text-anchor': 'middle' }, String(y)));
  }
  let top = 20;
  model.rows.forEach((row, i) => {
    const rowLabel = s('text', { x: LABEL_W - 4, y: top + 11, 'text-anchor': 'end', class: row.key === '' ? 'flag' : '' }, row.label.length > 8 ? `${row.label.slice(0, 7)}…` : row.label);
    rowLabel.append(s('title', {}, row.label));
    svg.append(rowLabel);
    row.items.forEach((it, j) => {
      const y = top + 4 + j * (BAR_H + 3);
      const g = s('g', { class: 'bar', tabindex: 0, role: 'button', 'data-id': it.id, 'aria-label': `${it.name} ${it.label}${it.noLead ? ` (${t('noLead')})` : ''}` });
      const w = Math.max(4, x(it.end) - x(it.start));
      g.append(s('title', {}, `${it.name}\n${it.label}${it.noLead ? `\n⚑ ${t('noLead')}` : ''}`),
        s('rect', { x: x(it.start), y, width: w, height: BAR_H, rx: 2, fill: it.noLead ? '#b00020' : '#E69F00' }));
      g.addEventListener('click', () => onPick(it.id));
      g.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') onPick(it.id); });
      svg.append(g);
    });
    top += rowHeights[i] ?? 0;
  });
  return svg;
}

/** Tasks on the canvas on a time axis, one row per lead agency or technology; missing deadline or lead flagged. */
export async function renderTimeline(el: HTMLElement, ctx: AppContext, arg: string | null): Promise<void> {
  const groupBy = arg === 'technology' ? 'technology' : 'agency';
  const select = h('select', { id: 'timeline-group', 'aria-label': t('groupBy') }, h('option', { value: 'agency' }, t('perAgency')), h('option', { value: 'technology' }, t('perTechnology')));
  select.value = groupBy;
  select.addEventListener('change', () => ctx.openPanel('timeline', select.value === 'technology' ? 'technology' : null));
  el.append(h('h2', {}, t('timeline')), h('p', { class: 'hint' }, t('timelineHint')), h('label', {}, `${t('groupBy')} `, select));
  const tasks = ctx.canvas.cy.nodes('.Task').not('.filtered').map((n) => ctx.canvas.nodes.get(n.id())).filter((n): n is GraphNode => n !== undefined);
  if (tasks.length === 0) { el.append(h('p', { class: 'hint' }, t('noTasksOnCanvas'))); return; }
  const ids = tasks.slice(0, 300).map((x) => x.id);
  await ctx.run(() => linksOf(ctx, ids));
  const links = (id: string) => linkCache.get(id) ?? { leads: [], techs: [] };
  const model = buildTimeline(tasks.slice(0, 300),
    (id) => (groupBy === 'agency' ? links(id).leads : links(id).techs).map((x) => ({ key: x.id, label: x.name })),
    (id) => links(id).leads.map((x) => x.id),
    groupBy === 'agency' ? t('noLead') : t('none'));
  el.append(chart(model, (id) => ctx.select(id)));
  if (model.undated.length) {
    el.append(h('h3', { class: 'flag' }, `⚑ ${t('noDeadline')} (${model.undated.length})`),
      h('ul', { class: 'rank-list', id: 'timeline-undated' }, ...model.undated.map((u) => {
        const b = h('button', { type: 'button' }, u.name);
        b.addEventListener('click', () => ctx.select(u.id));
        return h('li', {}, b, u.noLead ? h('span', { class: 'flag' }, `⚑ ${t('noLead')}`) : '');
      })));
  }
}
