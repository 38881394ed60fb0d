import type { MatrixResponse } from '../api/client.ts';
import { NON_DOMAIN } from '../cy/clusters.ts';
import type { AppContext } from './app-context.ts';
import { downloadBlob, toCsv } from './download.ts';
import { h } from './feedback.ts';
import { t } from './i18n.ts';

const MARK = { LEADS: '●', COOPERATES: '○', RESPONSIBLE: '◐' } as const;
const ROLE_TITLE = { LEADS: 'led', COOPERATES: 'cooperated', RESPONSIBLE: 'responsibleRole' } as const;

/** Agencies as rows, tasks as columns, L / C in the cells: what a planner pastes into a spreadsheet. */
export function matrixCsv(m: MatrixResponse): string {
  const role = new Map(m.cells.map((c) => [`${c.agency}\n${c.task}`, c.role === 'LEADS' ? 'L' : 'C']));
  return toCsv([
    ['agency', ...m.tasks.map((x) => x.name)],
    ...m.agencies.map((a) => [a.name, ...m.tasks.map((x) => role.get(`${a.id}\n${x.id}`) ?? '')]),
  ]);
}

function scope(ctx: AppContext): { agencies: string[]; tasks: string[] } {
  const cy = ctx.canvas.cy;
  const sel = cy.nodes(':selected').not('.filtered').not(NON_DOMAIN);
  const base = sel.nonempty() ? sel : cy.nodes().not('.filtered').not(NON_DOMAIN);
  return { agencies: base.filter('.Agency, .Institution, .Enterprise').map((n) => n.id()), tasks: base.filter('.Task').map((n) => n.id()) };
}

function table(ctx: AppContext, m: MatrixResponse): HTMLElement {
  const role = new Map(m.cells.map((c) => [`${c.agency}\n${c.task}`, c.role]));
  // Tasks down the side read better in a narrow panel. Both label sets run horizontally; the box
  // scrolls both ways with the agency row and the task column held in place.
  const head = h('tr', {}, h('th', { class: 'corner', scope: 'col' }, t('tasks')), ...m.agencies.map((a) => h('th', { scope: 'col' }, a.name)));
  const rows = m.tasks.map((task) => {
    const name = h('button', { type: 'button', class: 'link' }, task.name);
    name.addEventListener('click', () => ctx.select(task.id));
    return h('tr', {}, h('th', { scope: 'row' }, name), ...m.agencies.map((a) => {
      const r = role.get(`${a.id}\n${task.id}`);
      return h('td', { class: 'mark', title: r ? t(ROLE_TITLE[r]) : '' }, r ? MARK[r] : '');
    }));
  });
  return h('div', { class: 'matrix-scroll', id: 'matrix-box', tabindex: '0', role: 'region', 'aria-label': t('matrix') },
    h('table', { class: 'data matrix', id: 'matrix-table' }, h('thead', {}, head), h('tbody', {}, ...rows)));
}

/** Responsibility matrix of the selected (or visible) agencies × tasks, exportable as CSV. */
export async function renderMatrix(el: HTMLElement, ctx: AppContext): Promise<void> {
  const out = h('div', { id: 'matrix-result' });
  const buildBtn = h('button', { type: 'button', id: 'matrix-build' }, t('build'));
  const csvBtn = h('button', { type: 'button', id: 'matrix-csv', disabled: '' }, t('exportCsv'));
  let current: MatrixResponse | null = null;
  csvBtn.addEventListener('click', () => { if (current) downloadBlob(new Blob([matrixCsv(current)], { type: 'text/csv' }), 'responsibility-matrix.csv'); });
  const run = async () => {
    const { agencies, tasks } = scope(ctx);
    if (agencies.length === 0 && tasks.length === 0) { out.replaceChildren(h('p', { class: 'hint' }, t('noTasksOnCanvas'))); return; }
    const m = await ctx.run(() => ctx.api.matrix(agencies, tasks));
    if (!m) return;
    current = m;
    csvBtn.removeAttribute('disabled');
    out.replaceChildren(m.truncated ? h('p', { class: 'flag' }, t('truncated', { n: m.limit })) : '', table(ctx, m));
  };
  buildBtn.addEventListener('click', () => void run());
  el.append(h('h2', {}, t('matrix')), h('p', { class: 'hint' }, t('matrixHint')), h('p', {}, buildBtn, ' ', csvBtn), out);
  await run();
}
