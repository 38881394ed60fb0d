import type { NodeType } from '../../graph/model/index.ts';
import { isClusterId } from '../cy/clusters.ts';
import type { AppContext } from './app-context.ts';
import { h } from './feedback.ts';
import { nodeTypeName, t } from './i18n.ts';

/**
 * The details panel for a cluster or a cluster edge: what it stands for and the button that opens
 * it. Returns false for anything else, which the ordinary details render.
 */
export function renderClusterDetails(el: HTMLElement, ctx: AppContext, id: string): boolean {
  const cy = ctx.canvas.cy;
  const ele = cy.getElementById(id);
  if (ele.nonempty() && ele.hasClass('cluster-edge')) {
    el.append(h('h2', {}, t('details')), h('p', { class: 'hint' }, t('clusterEdgeHint', { n: Number(ele.data('weight')) })));
    return true;
  }
  if (!isClusterId(id) || ele.empty()) return false;
  const members = ele.data('members') as string[];
  const byType = new Map<NodeType, number>();
  for (const m of members) {
    const type = cy.getElementById(m).data('type') as NodeType | undefined;
    if (type) byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const list = h('ul', { class: 'cluster-types' });
  for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1])) list.append(h('li', {}, `${nodeTypeName(type, true)}: ${n}`));
  const open = h('button', { type: 'button', id: 'btn-open-cluster' }, t('clusterOpen'));
  open.addEventListener('click', () => void ctx.expand(id));
  el.append(h('h2', {}, t('clusterTitle', { n: members.length })), h('p', { class: 'hint' }, t('clusterHint')), list, open);
  return true;
}
