import type { TraceResponse } from '../api/client.ts';
import type { AppContext } from './app-context.ts';
import { h } from './feedback.ts';
import { getLang, t } from './i18n.ts';
import { traceSource } from './canvas-source.ts';
import { createSearchBox } from './search.ts';

function agencyRow(ctx: AppContext, a: TraceResponse['agencies'][number]): HTMLElement {
  const gloss = a.agency.nameEn;
  const name = h('button', { type: 'button', 'data-id': a.agency.id, class: 'agency' }, a.agency.name);
  name.addEventListener('click', () => ctx.select(a.agency.id));
  return h('li', { 'data-agency': a.agency.name },
    h('span', {}, name, getLang() === 'en' && typeof gloss === 'string' ? h('span', { class: 'gloss' }, ` ${gloss}`) : null),
    h('span', { class: 'counts' }, `${t('led')} ${a.led} · ${t('cooperated')} ${a.cooperated}`));
}

/** Technology → the agencies leading or cooperating on tasks that target it, and the connecting subgraph. */
export async function renderTrace(el: HTMLElement, ctx: AppContext, arg: string | null): Promise<void> {
  const input = h('input', { id: 'trace-input', type: 'search', autocomplete: 'off', role: 'combobox', 'aria-label': t('techLabel'), placeholder: '生命科学与生物技术' });
  const list = h('ul', { id: 'trace-list', class: 'suggestions', role: 'listbox', hidden: '' });
  const out = h('div', { id: 'trace-result' });
  el.append(h('h2', {}, t('trace')), h('p', { class: 'hint' }, t('traceHint')), h('div', { class: 'picker' }, input, list), out);
  createSearchBox({
    input, list, api: ctx.api, types: ['Technology'],
    onChoose: (node) => { ctx.state.arg = node.id; ctx.syncUrl(); void load(node.id); },
  });

  async function load(technology: string): Promise<void> {
    const res = await ctx.run(() => ctx.api.trace(technology));
    if (!res) return;
    input.value = res.technology.name;
    // Opened from a shared link the canvas already holds this trace (and maybe expansions on top).
    if (ctx.state.source !== traceSource(technology)) ctx.showSubgraph(res.subgraph, { replace: true, source: traceSource(technology) });
    const ids = res.agencies.map((a) => a.agency.id);
    out.replaceChildren(
      h('h3', {}, `${res.technology.name} — ${t('agencies')} (${res.agencies.length})`),
      res.truncated ? h('p', { class: 'flag' }, t('truncated', { n: res.subgraph.limit })) : '',
      h('ol', { class: 'rank-list', id: 'trace-agencies' }, ...res.agencies.map((a) => agencyRow(ctx, a))),
    );
    ctx.canvas.cy.$(ids.map((id) => `[id = ${JSON.stringify(id)}]`).join(',')).addClass('focus');
  }
  if (arg) await load(arg);
}
