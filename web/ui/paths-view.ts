import { NON_DOMAIN } from '../cy/clusters.ts';
import type { AppContext } from './app-context.ts';
import { pathsSource } from './canvas-source.ts';
import { h } from './feedback.ts';
import { t } from './i18n.ts';
import { notePanelArg } from './panels.ts';
import { createSearchBox } from './search.ts';

/** Two node pickers → the shortest connecting paths, added to the canvas and highlighted. */
export async function renderPaths(el: HTMLElement, ctx: AppContext, arg: string | null): Promise<void> {
  const [from0, to0] = (arg ?? '').split(',');
  const ends = { from: from0 || null, to: to0 || null };
  const picker = (key: 'from' | 'to', label: string) => {
    const input = h('input', { id: `path-${key}`, type: 'search', autocomplete: 'off', role: 'combobox', 'aria-label': label, placeholder: label });
    const list = h('ul', { id: `path-${key}-list`, class: 'suggestions', role: 'listbox', hidden: '' });
    const id = ends[key];
    if (id) input.value = ctx.canvas.nodes.get(id)?.name ?? id;
    createSearchBox({ input, list, api: ctx.api, onChoose: (n) => { ends[key] = n.id; } });
    return h('div', { class: 'picker' }, h('label', {}, label), input, list);
  };
  const out = h('div', { id: 'paths-result' });
  const go = h('button', { type: 'button', id: 'paths-go' }, t('findPaths'));
  const useSelection = () => {
    // Two selected nodes on the canvas fill the pickers: the quickest way to ask "how are these linked?".
    const sel = ctx.canvas.cy.nodes(':selected').not(NON_DOMAIN).map((n) => n.id());
    if (!ends.from && sel[0]) ends.from = sel[0];
    if (!ends.to && sel[1]) ends.to = sel[1];
  };
  const run = async () => {
    useSelection();
    if (!ends.from || !ends.to) return;
    const { from, to } = ends;
    ctx.state.arg = `${from},${to}`;
    notePanelArg('paths', ctx.state.arg);
    ctx.syncUrl();
    const res = await ctx.run(() => ctx.api.paths(from, to, 3));
    if (!res) return;
    if (res.paths.length === 0) { out.replaceChildren(h('p', { class: 'hint' }, t('noPaths'))); return; }
    const ids = new Set(res.paths.flatMap((p) => [...p.nodes, ...p.edges]));
    if (ctx.state.source !== pathsSource(from, to)) ctx.showSubgraph(res.subgraph, { highlight: [...ids], source: pathsSource(from, to), replace: true });
    else ctx.canvas.highlight([...ids]);
    const name = (id: string) => res.subgraph.nodes.find((n) => n.id === id)?.name ?? id;
    out.replaceChildren(h('ol', { class: 'rank-list', id: 'paths-list' }, ...res.paths.map((p) => h('li', {}, p.nodes.map(name).join(' → ')))));
  };
  go.addEventListener('click', () => void run());
  el.append(h('h2', {}, t('paths')), h('p', { class: 'hint' }, t('pathsHint')), picker('from', t('pathFrom')), picker('to', t('pathTo')), go, out);
  if (ends.from && ends.to) await run();
}
