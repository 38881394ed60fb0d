import { AGENCY_LEVELS, EDGE_TYPES, NODE_TYPES } from '../../graph/model/index.ts';
import type { EdgeType, NodeType } from '../../graph/model/index.ts';
import type { Filters } from '../state/filters.ts';
import { isAgencyLevel } from '../state/filters.ts';
import type { AppContext } from './app-context.ts';
import { documentsByFile } from './evidence-view.ts';
import { h } from './feedback.ts';
import { edgeTypeName, nodeTypeName, t } from './i18n.ts';

const LEVEL_NAMES: Record<string, [string, string]> = { municipal: ['市级', 'municipal'], district: ['区级', 'district'], national: ['国家/省级', 'national'], other: ['其他', 'other'] };

function checkboxes<T extends string>(name: string, all: readonly T[], chosen: readonly T[], label: (v: T) => string): HTMLElement {
  return h('div', {}, ...all.map((v) => {
    const box = h('input', { type: 'checkbox', name, value: v });
    box.checked = chosen.includes(v);
    return h('label', {}, box, label(v));
  }));
}

function yearInput(id: string, label: string, value: number | null): HTMLElement {
  const input = h('input', { type: 'number', id, min: '2000', max: '2040', step: '1', 'aria-label': label, placeholder: label });
  if (value !== null) input.value = String(value);
  return input;
}

/** Filter controls; every change re-applies to the canvas in place (no reload) and to the URL. */
export async function renderFilters(el: HTMLElement, ctx: AppContext, lang: 'zh' | 'en'): Promise<void> {
  const f = ctx.state.filters;
  const doc = h('select', { id: 'filter-doc', 'aria-label': t('document') }, h('option', { value: '' }, t('allDocuments')));
  const level = h('select', { id: 'filter-level', 'aria-label': t('agencyLevel') }, h('option', { value: '' }, t('allLevels')),
    ...AGENCY_LEVELS.map((l) => h('option', { value: l }, LEVEL_NAMES[l]?.[lang === 'zh' ? 0 : 1] ?? l)));
  level.value = f.level ?? '';
  const form = h('form', { id: 'filter-form' },
    h('h2', { id: 'filters-title' }, t('filters')),
    h('fieldset', {}, h('legend', {}, t('nodeTypes')), checkboxes<NodeType>('nt', NODE_TYPES, f.nodeTypes, (v) => nodeTypeName(v))),
    h('fieldset', {}, h('legend', {}, t('edgeTypes')), checkboxes<EdgeType>('et', EDGE_TYPES, f.edgeTypes, (v) => edgeTypeName(v))),
    h('fieldset', {}, h('legend', {}, t('document')), doc),
    h('fieldset', {}, h('legend', {}, t('agencyLevel')), level),
    h('fieldset', {}, h('legend', {}, t('yearRange')), h('div', { class: 'years' }, yearInput('filter-yf', t('yearFrom'), f.yearFrom), yearInput('filter-yt', t('yearTo'), f.yearTo))),
  );
  form.addEventListener('submit', (ev) => ev.preventDefault());
  form.addEventListener('change', () => {
    const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((x) => x.value);
    const year = (id: string) => {
      const v = (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
      return /^\d{4}$/.test(v) ? Number(v) : null;
    };
    const next: Filters = {
      nodeTypes: checked('nt') as NodeType[],
      edgeTypes: checked('et') as EdgeType[],
      doc: doc.value || null,
      level: isAgencyLevel(level.value) ? level.value : null,
      yearFrom: year('filter-yf'),
      yearTo: year('filter-yt'),
    };
    ctx.state.filters = next;
    ctx.canvas.setFilters(next);
    ctx.syncUrl();
    // Views that count by level or year follow the filters too, not only the canvas.
    if (ctx.state.view === 'workload') ctx.openPanel('workload', ctx.state.arg);
  });
  el.replaceChildren(form);
  const docs = await documentsByFile(ctx.api).catch(() => new Map());
  for (const [file, meta] of docs) doc.append(h('option', { value: file }, meta.title ? `${meta.number ?? ''} ${meta.title}`.trim() : file));
  doc.value = f.doc ?? '';
}
