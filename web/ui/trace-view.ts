import type { TechnologyTerms, TraceResponse } from '../api/client.ts';
import type { EdgeType } from '../../graph/model/index.ts';
import type { AppContext } from './app-context.ts';
import { traceSource } from './canvas-source.ts';
import { renderEvidence } from './evidence-view.ts';
import { h } from './feedback.ts';
import { notePanelArg } from './panels.ts';
import { edgeTypeName, getLang, t } from './i18n.ts';
import { matchTechnologies } from './technology-picker.ts';
import { BROAD_TASK_TARGETS, responsibilityEdgeId, traceView } from './trace-logic.ts';
import type { TraceTask, TraceView } from './trace-logic.ts';

let terms: Promise<TechnologyTerms> | null = null;
/** Survives tab switches, like the traced technology in the URL. */
let excludeSections = false;

function termsOf(ctx: AppContext): Promise<TechnologyTerms> {
  terms ??= ctx.api.technologyTerms().catch((e: unknown) => { terms = null; throw e; });
  return terms;
}

function countsText(a: TraceView['agencies'][number]): string {
  const parts = [`${t('led')} ${a.led}`, `${t('cooperated')} ${a.cooperated}`];
  if (a.responsible) parts.push(`${t('responsible')} ${a.responsible}`);
  return parts.join(' · ');
}

function taskRow(ctx: AppContext, res: TraceResponse, agencyId: string, task: TraceTask, techName: (id: string) => string, i: number): HTMLElement {
  const edge = res.subgraph.edges.find((e) => e.id === responsibilityEdgeId(agencyId, task));
  const evidenceBox = h('div', { class: 'trace-evidence', id: `trace-ev-${agencyId}-${i}`, hidden: '' });
  const show = h('button', { type: 'button', class: 'show-evidence', 'aria-expanded': 'false', 'aria-controls': evidenceBox.id }, t('traceShowEvidence'));
  show.addEventListener('click', () => {
    const open = evidenceBox.hidden;
    evidenceBox.hidden = !open;
    show.setAttribute('aria-expanded', String(open));
    if (open && !evidenceBox.childElementCount) {
      const list = edge?.evidence ?? [];
      evidenceBox.append(...(list.length ? list.map((ev) => renderEvidence(ctx.api, ev)) : [h('p', { class: 'hint' }, t('traceNoEvidence'))]));
    }
  });
  const name = h('button', { type: 'button', class: 'link task-name' }, task.name);
  name.addEventListener('click', () => ctx.select(task.id));
  return h('li', { class: 'trace-task', 'data-task': task.id, 'data-role': task.role },
    h('div', { class: 'trace-task-head' }, name,
      h('span', { class: `role role-${task.role.toLowerCase()}` }, edgeTypeName(task.role as EdgeType)),
      h('span', { class: 'gloss' }, `${t('traceMatched')}: ${techName(task.technology)}`), show),
    evidenceBox);
}

/** Technology → the agencies leading or cooperating on tasks that target it; each row opens to its tasks and their source lines. */
export async function renderTrace(el: HTMLElement, ctx: AppContext, arg: string | null): Promise<void> {
  const input = h('input', { id: 'trace-input', type: 'search', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'trace-list', 'aria-autocomplete': 'list', 'aria-label': t('techLabel'), placeholder: '生命科学与生物技术 / 疫苗 / biotech' });
  const list = h('ul', { id: 'trace-list', class: 'suggestions', role: 'listbox', hidden: '' });
  const out = h('div', { id: 'trace-result' });
  el.append(h('h2', {}, t('trace')), h('p', { class: 'hint' }, t('traceHint')), h('div', { class: 'picker' }, input, list), out);
  bindPicker(ctx, input, list, (id) => { ctx.state.arg = id; notePanelArg('trace', id); ctx.syncUrl(); void load(id); });

  async function load(technology: string): Promise<void> {
    const res = await ctx.run(() => ctx.api.trace(technology));
    if (!res) return;
    input.value = res.technology.name;
    // Opened from a shared link the canvas already holds this trace (and maybe expansions on top).
    if (ctx.state.source !== traceSource(technology)) ctx.showSubgraph(res.subgraph, { replace: true, source: traceSource(technology) });
    const names = new Map(res.subgraph.nodes.map((n) => [n.id, n.name]));
    const techName = (id: string) => names.get(id) ?? id.slice(id.indexOf(':') + 1);
    const draw = () => {
      const v = traceView(res, { excludeSections });
      const toggle = h('input', { type: 'checkbox', id: 'trace-exclude-sections' });
      toggle.checked = excludeSections;
      toggle.addEventListener('change', () => { excludeSections = toggle.checked; draw(); });
      const rows = v.agencies.map((a, ai) => {
        const tasksBox = h('ol', { class: 'trace-tasks', id: `trace-tasks-${ai}`, hidden: '' });
        const expand = h('button', { type: 'button', class: 'agency', 'data-id': a.row.agency.id, 'aria-expanded': 'false', 'aria-controls': tasksBox.id }, a.row.agency.name);
        expand.addEventListener('click', () => {
          const open = tasksBox.hidden;
          tasksBox.hidden = !open;
          expand.setAttribute('aria-expanded', String(open));
          if (open && !tasksBox.childElementCount) tasksBox.append(...a.tasks.map((task, i) => taskRow(ctx, res, a.row.agency.id, task, techName, i)));
          ctx.select(a.row.agency.id);
        });
        const gloss = a.row.agency.nameEn;
        return h('li', { 'data-agency': a.row.agency.name, class: 'trace-agency' },
          h('div', { class: 'trace-agency-head' },
            h('span', {}, expand, getLang() === 'en' && gloss ? h('span', { class: 'gloss' }, ` ${gloss}`) : null),
            h('span', { class: 'counts' }, countsText(a))),
          tasksBox);
      });
      out.replaceChildren(
        h('h3', {}, `${res.technology.name} — ${t('agencies')} (${v.agencies.length})`),
        res.truncated ? h('p', { class: 'flag' }, t('truncated', { n: res.subgraph.limit })) : '',
        v.broadTasks ? h('p', { class: 'hint precision', id: 'trace-precision' }, t('tracePrecision', { n: v.broadTasks, k: BROAD_TASK_TARGETS })) : '',
        v.sectionTasks || excludeSections ? h('label', { class: 'toggle' }, toggle, t('traceExcludeSections')) : '',
        h('ol', { class: 'rank-list trace-list', id: 'trace-agencies' }, ...rows),
      );
      ctx.canvas.cy.$(v.agencies.map((a) => `[id = ${JSON.stringify(a.row.agency.id)}]`).join(',') || '#none').addClass('focus');
    };
    draw();
  }
  if (arg) await load(arg);
}

/** A combobox over the technology names, their lexicon terms and English glosses (fetched once). */
function bindPicker(ctx: AppContext, input: HTMLInputElement, list: HTMLUListElement, onChoose: (id: string) => void): void {
  let hits: ReturnType<typeof matchTechnologies> = [];
  let active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const mark = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `trace-list-${i}`);
  };
  const choose = (i: number) => { const m = hits[i]; if (!m) return; input.value = m.tech.name; close(); onChoose(m.tech.id); };
  input.addEventListener('input', async () => {
    const q = input.value;
    const all = await termsOf(ctx).catch((e: unknown) => { ctx.showError(e); return null; });
    if (!all || q !== input.value) return;
    hits = matchTechnologies(all.technologies, q);
    if (!q.trim()) { close(); return; }
    list.replaceChildren(...(hits.length ? hits.map((m, i) => {
      const li = h('li', { role: 'option', id: `trace-list-${i}`, 'aria-selected': 'false', 'data-id': m.tech.id },
        h('span', { class: 'name' }, m.tech.name),
        m.via === 'term' ? h('span', { class: 'alias' }, t('termMatch', { term: m.matched, tech: m.tech.name })) : null,
        m.via === 'gloss' || (getLang() === 'en' && m.tech.nameEn) ? h('span', { class: 'gloss' }, m.tech.nameEn ?? '') : null);
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i); });
      return li;
    }) : [h('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, t('noMatches'))]));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    mark(hits.length ? 0 : -1);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) { ev.preventDefault(); mark((active + 1) % hits.length); }
    else if (ev.key === 'ArrowUp' && hits.length) { ev.preventDefault(); mark((active - 1 + hits.length) % hits.length); }
    else if (ev.key === 'Enter' && !list.hidden) { ev.preventDefault(); choose(Math.max(active, 0)); }
    else if (ev.key === 'Escape') { close(); ev.stopPropagation(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
