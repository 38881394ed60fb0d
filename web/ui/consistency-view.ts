import type { Evidence } from '../../graph/model/index.ts';
import type { ConsistencyResponse } from '../api/client.ts';
import type { AppContext } from './app-context.ts';
import { renderEvidence } from './evidence-view.ts';
import { h } from './feedback.ts';
import { edgeTypeName, t } from './i18n.ts';

type Finding = ConsistencyResponse['findings'][number];
type RowDisagreement = ConsistencyResponse['rowDisagreements'][number];

function placeButton(ctx: AppContext, label: string, ev: Evidence, target: HTMLElement): HTMLElement {
  const b = h('button', { type: 'button', class: 'place' }, `${label} · ${t('line')} ${ev.line}`);
  b.addEventListener('click', () => target.replaceChildren(renderEvidence(ctx.api, ev)));
  return b;
}

function findingItem(ctx: AppContext, f: Finding): HTMLElement {
  const source = h('div', { class: 'finding-source' });
  const row = f.row[0];
  return h('li', { class: 'finding' },
    h('strong', {}, `${f.sectionName} — ${t('tablePlace')} ${f.rowNo}${f.rowName ? ` ${f.rowName}` : ''}`),
    h('div', {}, `${t('onlyInClause')}: ${f.onlyInClause.join('、') || '—'}；${t('onlyInRow')}: ${f.onlyInRow.join('、') || '—'}`),
    h('div', {}, placeButton(ctx, t('textPlace'), f.clause, source), ' ',
      row ? placeButton(ctx, t('tablePlace'), row, source) : h('span', { class: 'flag' }, t('missingRow'))),
    source);
}

/** One row, each document's units for the role, and a way to its line in that document. */
function disagreementItem(ctx: AppContext, d: RowDisagreement): HTMLElement {
  const source = h('div', { class: 'finding-source' });
  return h('li', { class: 'finding' },
    h('strong', {}, `${d.rowName} — ${edgeTypeName(d.role)}`),
    ...d.documents.map((x) => h('div', {},
      x.row ? placeButton(ctx, `${x.doc} ${t('tablePlace')} ${x.tableNo ?? ''}`, x.row, source) : h('span', {}, x.doc),
      ` ${x.units.join('、') || '—'}`)),
    source);
}

/** Text-vs-table findings, each linking to the clause and to the cited row in the source. */
export async function renderConsistency(el: HTMLElement, ctx: AppContext): Promise<void> {
  el.append(h('h2', {}, t('consistency')), h('p', { class: 'hint' }, t('consistencyHint')));
  const res = await ctx.run(() => ctx.api.consistency());
  if (!res) return;
  const across = [
    h('h3', {}, `${t('acrossDocuments')} (${res.rowDisagreements.length})`),
    h('p', { class: 'hint' }, t('acrossDocumentsHint')),
    h('ul', { class: 'rank-list', id: 'row-disagreements' }, ...res.rowDisagreements.map((d) => disagreementItem(ctx, d))),
  ];
  const within = [
    h('h3', {}, `${t('consistency')} (${res.findings.length})`),
    h('ul', { class: 'rank-list', id: 'findings' }, ...res.findings.map((f) => findingItem(ctx, f))),
  ];
  // Documents that disagree with one another come first: with many documents they are the news.
  el.append(
    ...(res.rowDisagreements.length > 0 ? [...across, ...within] : [...within, ...across]),
    h('details', {}, h('summary', {}, `${t('warnings')} (${res.warnings.length})`),
      h('ul', { class: 'rank-list' }, ...res.warnings.slice(0, 200).map((w) => {
        const li = h('li', {}, h('span', {}, `${w.kind}: ${w.message}`));
        li.append(placeButton(ctx, w.doc, { doc: w.doc, line: w.line, quote: w.text && w.text.length > 0 ? w.text : ' ' }, li));
        return li;
      }))),
  );
}
