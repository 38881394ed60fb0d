import type { EdgeType, GraphEdge, GraphNode, JsonValue } from '../../graph/model/index.ts';
import { glossOf } from '../cy/to-cy-elements.ts';
import type { AppContext } from './app-context.ts';
import { renderClusterDetails } from './cluster-details.ts';
import { renderEvidence } from './evidence-view.ts';
import { h } from './feedback.ts';
import { edgeTypeName, t } from './i18n.ts';
import { typeBadge } from './search.ts';

function formatValue(v: JsonValue): string {
  if (Array.isArray(v)) {
    // Deadlines read best as the document's own words with their normalised label.
    return v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) && 'label' in x ? `${String(x.text)} (${String(x.label)})` : formatValue(x))).join('; ');
  }
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function propsList(props: GraphNode['props'], extra: [string, string][] = []): HTMLElement {
  const dl = h('dl', { class: 'kv' });
  for (const [k, v] of [...extra, ...Object.entries(props).map(([k, v]) => [k, formatValue(v)] as [string, string])]) {
    if (v === '') continue;
    dl.append(h('dt', {}, k), h('dd', {}, v));
  }
  return dl;
}

function evidenceSection(ctx: AppContext, item: GraphNode | GraphEdge): HTMLElement {
  const sec = h('section', { class: 'evidence-list' }, h('h3', {}, `${t('evidence')} (${item.evidence.length})`));
  if (item.evidence.length === 0) sec.append(h('p', { class: 'hint' }, t('noEvidence')));
  for (const ev of item.evidence) sec.append(renderEvidence(ctx.api, ev));
  return sec;
}

async function renderNode(el: HTMLElement, ctx: AppContext, id: string): Promise<void> {
  const res = await ctx.run(() => ctx.api.node(id));
  if (!res) return;
  const n = res.node;
  ctx.canvas.nodes.set(n.id, n);
  const gloss = glossOf(n);
  el.append(
    h('h2', {}, typeBadge(n.type), ' ', n.name),
    gloss ? h('p', { class: 'gloss' }, gloss) : '',
    propsList(n.props, [['id', n.id], ['aliases', n.aliases.join('、')]]),
  );
  const degree = h('table', { class: 'data degree' }, h('tr', {}, h('th', {}, t('degree')), h('th', {}, t('incoming')), h('th', {}, t('outgoing'))));
  for (const [type, d] of Object.entries(res.degree)) {
    if (d.in + d.out === 0) continue;
    degree.append(h('tr', {}, h('td', {}, edgeTypeName(type as EdgeType, true)), h('td', {}, String(d.in)), h('td', {}, String(d.out))));
  }
  el.append(degree, evidenceSection(ctx, n));
}

function renderEdge(el: HTMLElement, ctx: AppContext, e: GraphEdge): void {
  const name = (id: string) => ctx.canvas.nodes.get(id)?.name ?? id;
  el.append(
    h('h2', {}, edgeTypeName(e.type, true)),
    h('p', {}, `${name(e.source)} → ${name(e.target)}`),
    propsList(e.props, [['id', e.id]]),
    evidenceSection(ctx, e),
  );
}

/** Properties, degree by type and every piece of evidence for the selected node or edge. */
export async function renderDetails(el: HTMLElement, ctx: AppContext): Promise<void> {
  const id = ctx.state.selected;
  const edge = id ? ctx.canvas.edges.get(id) : undefined;
  if (edge) return renderEdge(el, ctx, edge);
  if (id && renderClusterDetails(el, ctx, id)) return;
  if (id && !id.startsWith('more:')) return renderNode(el, ctx, id);
  el.append(h('h2', {}, t('details')), h('p', { class: 'hint' }, t('detailsEmpty')));
}
