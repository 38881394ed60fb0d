import type { ExportFormat } from '../api/client.ts';
import type { AppContext } from './app-context.ts';
import { downloadBlob } from './download.ts';
import { EXPORT_SCOPES, exportFileStem, scopeContent, viewOf } from './export-scope.ts';
import type { ExportScope, ScopeContent } from './export-scope.ts';
import { h } from './feedback.ts';
import { t } from './i18n.ts';
import type { MessageKey } from './i18n.ts';

const SERVER_FORMATS: [ExportFormat, string][] = [
  ['graphml', 'GraphML'], ['gexf', 'GEXF'], ['cytoscape', 'Cytoscape JSON'], ['json', 'Graph JSON'], ['csv', 'CSV'], ['cypher', 'Cypher'],
];
const SCOPE_KEY: Record<ExportScope, MessageKey> = { view: 'scopeView', selection: 'scopeSelection', neighbourhood: 'scopeNeighbourhood' };

/** What the file is about: the focused node, or the trace / agency / path the canvas came from. */
export function exportSubject(ctx: AppContext): { name: string | null; root: string | null } {
  const nameOf = (id: string) => ctx.canvas.nodes.get(id)?.name ?? id.slice(id.indexOf(':') + 1);
  const src = ctx.state.source;
  if (ctx.state.focus) return { name: nameOf(ctx.state.focus), root: ctx.state.focus };
  if (src) {
    const arg = src.slice(src.indexOf(':') + 1);
    if (src.startsWith('paths:')) return { name: arg.split(',').map(nameOf).join('-'), root: arg.split(',')[0] ?? null };
    return { name: nameOf(arg), root: arg };
  }
  return { name: null, root: null };
}

/** Content of a scope on the current canvas, counted before any download. */
export function contentOf(ctx: AppContext, scope: ExportScope): ScopeContent {
  const pendingIds = [...ctx.canvas.pending.values()].flatMap((p) => p.nodes.map((n) => n.id));
  return scopeContent(ctx.canvas.cy, scope, { pendingIds, edges: ctx.canvas.edges.values() });
}

/**
 * The export menu: a scope choice (current view by default, selection, whole neighbourhood) with
 * its counts, then the format. Files hold exactly the chosen scope and the look on screen.
 * Closes on Escape and on a click outside.
 */
export function renderExportMenu(root: HTMLElement, ctx: AppContext): void {
  const toggle = h('button', { type: 'button', id: 'btn-export', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'export-list' }, t('exportLabel'));
  const note = h('p', { class: 'hint', id: 'export-note', role: 'status' });
  const scopes = h('fieldset', { class: 'export-scopes' }, h('legend', {}, t('exportWhat')));
  const formats = h('div', { class: 'export-formats' });
  const list = h('div', { class: 'export-list', id: 'export-list', hidden: '' }, scopes, formats, note);
  let scope: ExportScope = 'view';
  const cy = ctx.canvas.cy;

  const fillScopes = () => {
    const counts = new Map(EXPORT_SCOPES.map((s) => [s, contentOf(ctx, s)]));
    if ((counts.get(scope)?.ids.length ?? 0) === 0) scope = 'view';
    scopes.replaceChildren(scopes.firstChild as Node, ...EXPORT_SCOPES.map((s) => {
      const c = counts.get(s) as ScopeContent;
      const radio = h('input', { type: 'radio', name: 'export-scope', value: s, id: `export-scope-${s}` });
      radio.checked = s === scope;
      radio.disabled = c.ids.length === 0;
      radio.addEventListener('change', () => { scope = s; });
      return h('label', { for: `export-scope-${s}` }, radio, t(SCOPE_KEY[s], { n: c.ids.length, e: c.edges.length }));
    }));
    const empty = (counts.get('neighbourhood')?.ids.length ?? 0) === 0;
    note.textContent = empty ? t('exportEmpty') : '';
    formats.querySelectorAll('button').forEach((b) => { (b as HTMLButtonElement).disabled = empty; });
  };
  const open = () => { fillScopes(); list.hidden = false; toggle.setAttribute('aria-expanded', 'true'); };
  const close = () => { list.hidden = true; toggle.setAttribute('aria-expanded', 'false'); };
  toggle.addEventListener('click', () => (list.hidden ? open() : close()));
  root.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !list.hidden) { ev.stopPropagation(); close(); toggle.focus(); } });
  document.addEventListener('pointerdown', (ev) => { if (!list.hidden && !root.contains(ev.target as Node)) close(); });

  const item = (id: string, label: string, run: () => Promise<void>) => {
    const b = h('button', { type: 'button', id: `export-${id}` }, label);
    b.addEventListener('click', () => { void ctx.run(run); });
    formats.append(b);
  };
  // Pictures show the view as drawn (filtered elements stay hidden, as on screen).
  item('png', 'PNG', async () => {
    const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
    downloadBlob(blob, `${stemFor('view', contentOf(ctx, 'view'))}.png`);
    close();
  });
  item('svg', 'SVG', async () => {
    const svgText = (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff', scale: 1 });
    downloadBlob(new Blob([svgText], { type: 'image/svg+xml' }), `${stemFor('view', contentOf(ctx, 'view'))}.svg`);
    close();
  });
  const stemFor = (s: ExportScope, c: ScopeContent) => {
    const subject = exportSubject(ctx);
    return exportFileStem(subject.name, s, c, subject.root, new Date());
  };
  for (const [format, label] of SERVER_FORMATS) {
    item(format, label, async () => {
      const content = contentOf(ctx, scope);
      // Nothing to export is a state to explain, not an error.
      if (content.ids.length === 0) { note.textContent = t(contentOf(ctx, 'neighbourhood').ids.length ? 'exportScopeEmpty' : 'exportEmpty'); return; }
      const res = await ctx.api.exportGraph(content.ids, format, { name: stemFor(scope, content), view: viewOf(cy, content) });
      downloadBlob(res.blob, res.filename);
      note.textContent = t('exportDone', { file: res.filename, n: res.nodes, e: res.edges });
    });
  }
  root.replaceChildren(toggle, list);
}
