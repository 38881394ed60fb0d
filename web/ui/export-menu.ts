import type { ExportFormat } from '../api/client.ts';
import type { AppContext } from './app-context.ts';
import { downloadBlob } from './download.ts';
import { h } from './feedback.ts';
import { t } from './i18n.ts';

const SERVER_FORMATS: [ExportFormat, string][] = [
  ['json', 'Graph JSON'], ['graphml', 'GraphML'], ['gexf', 'GEXF'], ['csv', 'CSV'], ['cytoscape', 'Cytoscape JSON'], ['cypher', 'Cypher'],
];

/** The selection when there is one, otherwise everything visible on the canvas. */
export function exportScope(ctx: AppContext): string[] {
  const selected = ctx.canvas.cy.nodes(':selected').not('.more').not('.filtered').map((n) => n.id());
  return selected.length ? selected : ctx.canvas.visibleNodeIds();
}

export function renderExportMenu(root: HTMLElement, ctx: AppContext): void {
  const toggle = h('button', { type: 'button', id: 'btn-export', 'aria-haspopup': 'true', 'aria-expanded': 'false' }, t('exportLabel'));
  const list = h('div', { class: 'export-list', id: 'export-list', role: 'menu', hidden: '' }, h('small', {}, t('exportScope')));
  const item = (id: string, label: string, run: () => Promise<void>) => {
    const b = h('button', { type: 'button', role: 'menuitem', id: `export-${id}` }, label);
    b.addEventListener('click', () => { close(); void ctx.run(run); });
    list.append(b);
  };
  const close = () => { list.hidden = true; toggle.setAttribute('aria-expanded', 'false'); };
  toggle.addEventListener('click', () => { list.hidden = !list.hidden; toggle.setAttribute('aria-expanded', String(!list.hidden)); });
  list.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { close(); toggle.focus(); } });
  const cy = ctx.canvas.cy;
  // Pictures show the view as drawn (filtered elements stay hidden, as on screen).
  item('png', 'PNG', async () => {
    const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
    downloadBlob(blob, 'policy-graph.png');
  });
  item('svg', 'SVG', async () => {
    const svgText = (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff', scale: 1 });
    downloadBlob(new Blob([svgText], { type: 'image/svg+xml' }), 'policy-graph.svg');
  });
  for (const [format, label] of SERVER_FORMATS) {
    item(format, label, async () => {
      const ids = exportScope(ctx);
      if (ids.length === 0) throw new Error(t('emptyHint'));
      const { blob, filename } = await ctx.api.exportGraph(ids, format);
      downloadBlob(blob, filename);
    });
  }
  root.replaceChildren(toggle, list);
}
