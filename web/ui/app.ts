import cytoscape from 'cytoscape';
import type { NodeSingular } from 'cytoscape';
import type { ApiClient, Subgraph } from '../api/client.ts';
import { PrefetchCache } from '../api/prefetch.ts';
import { GraphCanvas } from '../cy/canvas.ts';
import { isClusterId } from '../cy/clusters.ts';
import { layoutOptions, runSeeded, settleOptions } from '../cy/layouts.ts';
import { bindLevelOfDetail } from '../cy/level-of-detail.ts';
import type { LayoutName } from '../cy/layouts.ts';
import { buildStylesheet } from '../cy/styles.ts';
import type { SizeMode } from '../cy/to-cy-elements.ts';
import { NavHistory } from '../state/nav-history.ts';
import { decodeViewState } from '../state/url-state.ts';
import type { ViewName } from '../state/url-state.ts';
import type { AppContext } from './app-context.ts';
import { afterEdit, hideSelected, redo, undo } from './canvas-actions.ts';
import { bindCanvasEvents } from './canvas-events.ts';
import { renderExportMenu } from './export-menu.ts';
import { createLoading, showErrorIn } from './feedback.ts';
import { renderFilters } from './filters-panel.ts';
import { applyI18n, getLang, loadLang, onLangChange, setLang, t } from './i18n.ts';
import { renderLegend } from './legend.ts';
import { bindLayoutToggles } from './layout-toggles.ts';
import { forgetPanels, renderPanel, renderTabs } from './panels.ts';
import { createSearchBox } from './search.ts';
import { countCanvas, statusText } from './status-line.ts';
import { applyView, restore, setSize } from './view-restore.ts';

/**
 * Timings the browser tests and the bench read (performance.now(), ms since navigation);
 * `navCount` / `lastNavMs` count and time views reached by Back, Forward or an edited hash.
 */
export interface AppMetrics { phases?: Record<string, number>; ready: boolean; firstUsefulMs: number; lastExpandMs: number; lastExpandDrawnMs: number; expandCount: number; navCount: number; lastNavMs: number; lastClusterOpened?: number; lastView?: { elements: number; addMs: number; layoutMs: number }; cy: cytoscape.Core }

/** The view parts an undo step puts back with the canvas. */
interface CanvasMeta { focus: string | null; source: string | null; selected: string | null }

const DETAILS_DELAY_MS = 180;
/** Above this the settling layout costs more than the overlap it removes. */
const SETTLE_MAX_NODES = 400;
let statusHook: () => void = () => undefined;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export async function startApp(api: ApiClient): Promise<AppContext> {
  loadLang();
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  applyI18n(document);
  // A cached texture while the user drags or wheels: mean frame 89 → 50 ms at 5k elements and
  // 179 → 105 ms at 10k with real mouse input in Chromium's no-GPU mode (npm run bench).
  const cy = cytoscape({ container: $('cy'), style: buildStylesheet(), boxSelectionEnabled: true, minZoom: 0.05, maxZoom: 4, textureOnViewport: true });
  const canvas = new GraphCanvas(cy, { lang: getLang, moreLabel: (n) => t('more', { n }), clusterLabel: (name, n) => t('clusterLabel', { name, n }) });
  const levelOfDetail = bindLevelOfDetail(cy);
  const state = decodeViewState(location.hash);
  const withLoading = createLoading($('loading'));
  const metrics: AppMetrics = { ready: false, firstUsefulMs: 0, lastExpandMs: 0, lastExpandDrawnMs: 0, expandCount: 0, navCount: 0, lastNavMs: 0, cy };
  const nav = new NavHistory(window, state);
  const toggles = bindLayoutToggles(cy);
  (window as unknown as { __pg: AppMetrics }).__pg = metrics;
  const panel = $('panel');
  const tabs = $('tabs');

  const lastArgs = new Map<string, string | null>();
  let detailsTimer: ReturnType<typeof setTimeout> | undefined;
  const cache = new PrefetchCache<Subgraph>();
  const neighbors = (id: string) => {
    const f = state.filters;
    return cache.get(`${id}|${f.nodeTypes.join()}|${f.edgeTypes.join()}`, () => api.neighbors(id, { nodeTypes: f.nodeTypes, edgeTypes: f.edgeTypes }));
  };
  // Hover or a first tap usually precedes a double-click: start fetching then.
  cy.on('mouseover tapstart', 'node', (ev) => { if (!ev.target.hasClass('more') && !ev.target.hasClass('cluster')) void neighbors(ev.target.id()).catch(() => undefined); });

  const ctx: AppContext = {
    api, canvas, state,
    async run(work) {
      try { return await withLoading(work); } catch (e) { ctx.showError(e); return undefined; }
    },
    showError: (e) => showErrorIn($('errors'), e),
    async focusNode(id) {
      state.focus = id;
      // The details of the chosen node are part of the same step, so Back undoes both at once.
      state.view = 'details';
      state.arg = null;
      await ctx.expand(id);
      const n = cy.getElementById(id);
      if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 200 });
      ctx.select(id, { show: true });
    },
    async expand(id) {
      if (isClusterId(id)) { openClusterAt(id); return; }
      const t0 = performance.now();
      const sub = await ctx.run(() => neighbors(id));
      if (!sub) return;
      const t1 = performance.now();
      const before = cy.nodes().not('.more').map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
      const clustersBefore = cy.nodes('.cluster').length;
      canvas.expandWith(id, sub);
      // The expansion grew the view past the threshold: lay out what is drawn now (clusters and the rest).
      if (cy.nodes('.cluster').length !== clustersBefore) ctx.relayout();
      metrics.lastExpandMs = performance.now() - t0;
      metrics.phases = { fetchMs: t1 - t0, applyMs: performance.now() - t1 };
      state.expanded = [...canvas.expanded];
      ctx.syncUrl();
      // Drawing is timed separately: software-rendered headless Chromium paints far slower than a desktop GPU.
      cy.one('render', () => {
        metrics.lastExpandDrawnMs = performance.now() - t0;
        metrics.expandCount++;
        if (before.length <= 1 || cy.nodes().length > SETTLE_MAX_NODES) return;
        // fcose fails inside its spring embedder on a fixed node the layout does not hold, so the
        // fixed set is the laid-out nodes only (a filtered or since-removed node is left out).
        const laidOut = cy.elements().not('.filtered');
        const ids = new Set(laidOut.nodes().map((n) => n.id()));
        const fixed = before.filter((b) => ids.has(b.nodeId));
        if (fixed.length > 1) laidOut.layout(settleOptions(fixed)).run();
      });
    },
    showSubgraph(sub, opts = {}) {
      if (opts.replace) { canvas.clear(); state.focus = null; state.expanded = []; state.source = null; }
      if (opts.source) state.source = opts.source;
      const t0 = performance.now();
      canvas.addSubgraph(sub);
      const t1 = performance.now();
      ctx.relayout();
      metrics.lastView = { elements: sub.nodes.length + sub.edges.length, addMs: t1 - t0, layoutMs: performance.now() - t1 };
      // A selection survives a new canvas only where its element is still drawn. Selected after the
      // layout: a selected node's wider border would change the seeded picture a link reproduces.
      const sel = state.selected ? cy.getElementById(state.selected) : null;
      if (sel?.nonempty()) sel.select(); else state.selected = null;
      if (opts.highlight) canvas.highlight(opts.highlight);
      // Always the follow-up of a step already in the history (a trace chosen, a bar clicked).
      ctx.syncUrl('replace');
    },
    select(id, opts = {}) {
      cy.$(':selected').unselect();
      state.selected = id && cy.getElementById(id).nonempty() ? id : null;
      if (state.selected) cy.getElementById(state.selected).select();
      ctx.syncUrl();
      // Deferred past the double-click window, so a double-click expands without first paying for two detail loads.
      clearTimeout(detailsTimer);
      detailsTimer = setTimeout(() => {
        if (opts.show && state.selected) ctx.openPanel('details');
        else if (state.view === 'details' || state.view === null) void openCurrent();
      }, DETAILS_DELAY_MS);
    },
    openPanel(id, arg) {
      // A panel opened now wins over the details a click a moment ago was about to open.
      clearTimeout(detailsTimer);
      // A tab opened without an argument shows what it showed last (a trace, a path) again.
      state.view = id as ViewName;
      state.arg = arg === undefined ? (lastArgs.get(id) ?? null) : arg;
      ctx.syncUrl();
      toggles.showPanels();
      void openCurrent();
    },
    syncUrl(mode = 'auto') {
      statusHook();
      if (state.view) lastArgs.set(state.view, state.arg);
      nav.write(state, mode);
    },
    relayout() {
      // Filtered elements take part, so switching a filter only hides and never moves anything;
      // members of clusters do not (their cluster stands in for them).
      if (cy.nodes().nonempty()) runSeeded(() => cy.elements().not('.clustered').layout(layoutOptions(state.layout)).run());
      levelOfDetail();
    },
  };

  /** A cluster opened by double-click, the toolbar, `e` or its details button: one undo step. */
  function openClusterAt(id: string): void {
    const members = canvas.openCluster(id);
    metrics.lastClusterOpened = members.length;
    if (state.selected === id) ctx.select(null);
    statusHook();
  }

  async function openCurrent(): Promise<void> {
    const view = state.view ?? 'details';
    renderTabs(tabs, view, (id) => ctx.openPanel(id));
    await renderPanel(panel, view, ctx, state.arg);
  }

  function updateEmpty(): void { $('empty').hidden = cy.nodes().nonempty(); }
  // Once per frame: cy.nodes() walks every element, and a large view adds thousands in one step
  // (per element it made adding an 11k-element trace take 7 s of the 12).
  let emptyFrame = 0;
  cy.on('add remove', () => {
    if (!emptyFrame) emptyFrame = requestAnimationFrame(() => { emptyFrame = 0; updateEmpty(); });
  });
  // One status update per frame however many elements a step adds.
  let statusFrame = 0;
  const updateStatus = () => {
    if (statusFrame) return;
    statusFrame = requestAnimationFrame(() => {
      statusFrame = 0;
      const held = [...canvas.pending.values()].reduce((n, p) => n + p.nodes.length, 0);
      $('status').textContent = statusText(countCanvas(cy, held), state.filters, { limit: canvas.clusterThreshold, by: canvas.clusterMode });
    });
  };
  cy.on('add remove', updateStatus);
  statusHook = updateStatus;

  const searchInput = $<HTMLInputElement>('search');
  createSearchBox({ input: searchInput, list: $<HTMLUListElement>('search-list'), api, onChoose: (node) => void ctx.focusNode(node.id) });
  bindCanvasEvents(ctx, searchInput);
  bindToolbar(ctx);
  bindUndo(ctx);
  $('try-search').addEventListener('click', () => { searchInput.value = '发展改革局'; searchInput.dispatchEvent(new Event('input')); searchInput.focus(); });
  $('try-workload').addEventListener('click', () => ctx.openPanel('workload'));

  const renderChrome = () => {
    applyI18n(document);
    renderLegend($('legend'));
    void renderFilters($('filters'), ctx, getLang());
    renderExportMenu($('export-menu'), ctx);
  };
  onLangChange((lang) => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    forgetPanels();
    renderChrome();
    canvas.relabel();
    void openCurrent();
  });
  renderChrome();
  ($('layout') as HTMLSelectElement).value = state.layout;
  ($('size') as HTMLSelectElement).value = state.size;
  canvas.filters = state.filters;
  await nav.quietly(() => restore(ctx));
  // A link just opened is where undo starts: its own rebuilding steps are not the user's edits.
  canvas.resetHistory();
  updateEmpty();
  nav.listen(async (next) => {
    const t0 = performance.now();
    await applyView(ctx, next, { filtersChanged: () => void renderFilters($('filters'), ctx, getLang()) });
    ($('layout') as HTMLSelectElement).value = state.layout;
    ($('size') as HTMLSelectElement).value = state.size;
    metrics.lastNavMs = performance.now() - t0;
    metrics.navCount++;
  });
  metrics.firstUsefulMs = performance.now();
  metrics.ready = true;
  return ctx;
}

function bindToolbar(ctx: AppContext): void {
  const { canvas, state } = ctx;
  const cy = canvas.cy;
  $<HTMLSelectElement>('layout').addEventListener('change', (ev) => { state.layout = (ev.target as HTMLSelectElement).value as LayoutName; ctx.relayout(); ctx.syncUrl(); });
  $<HTMLSelectElement>('size').addEventListener('change', (ev) => void setSize(ctx, (ev.target as HTMLSelectElement).value as SizeMode));
  $('btn-fit').addEventListener('click', () => cy.fit(cy.elements().not('.filtered'), 30));
  $('btn-expand').addEventListener('click', () => { for (const id of cy.nodes(':selected').not('.more').map((n) => n.id())) void ctx.expand(id); });
  $('btn-collapse').addEventListener('click', () => { for (const id of cy.nodes(':selected').map((n) => n.id())) canvas.collapse(id); afterEdit(ctx); });
  $('btn-hide').addEventListener('click', () => hideSelected(ctx));
  $('btn-pin').addEventListener('click', () => { for (const id of cy.nodes(':selected').map((n) => n.id())) canvas.togglePin(id); });
  $('btn-undo').addEventListener('click', () => undo(ctx));
  $('btn-redo').addEventListener('click', () => redo(ctx));
  $('btn-clear').addEventListener('click', () => { if (cy.elements().empty()) return; canvas.clear(); state.focus = null; state.source = null; ctx.select(null); afterEdit(ctx); });
  $('btn-lang').addEventListener('click', () => setLang(getLang() === 'zh' ? 'en' : 'zh'));
}

/** Undo and redo put the view back with the canvas; their buttons are enabled only when there is a step to take. */
function bindUndo(ctx: AppContext): void {
  const { canvas, state } = ctx;
  const undoBtn = $<HTMLButtonElement>('btn-undo');
  const redoBtn = $<HTMLButtonElement>('btn-redo');
  canvas.snapshotMeta = (): CanvasMeta => ({ focus: state.focus, source: state.source, selected: state.selected });
  canvas.onRestore = (meta) => {
    const m = meta as CanvasMeta | undefined;
    state.focus = m?.focus ?? null;
    state.source = m?.source ?? null;
    ctx.select(m?.selected ?? null);
  };
  canvas.onHistoryChange = () => { undoBtn.disabled = !canvas.canUndo; redoBtn.disabled = !canvas.canRedo; };
  canvas.onHistoryChange();
}
