import type { SizeMode } from '../cy/to-cy-elements.ts';
import type { ViewState } from '../state/url-state.ts';
import type { AppContext } from './app-context.ts';
import { loadSource } from './canvas-source.ts';
import { workloadMap } from './workload-view.ts';

/** Rebuild the view a link describes: source, focus, expansions in order, panel and selection. */
export async function restore(ctx: AppContext): Promise<void> {
  const s = ctx.state;
  const { focus, expanded, selected, view, arg } = { ...s, expanded: [...s.expanded] };
  if (s.size === 'workload') await setSize(ctx, 'workload');
  const source = s.source ? await ctx.run(() => loadSource(ctx.api, s.source ?? '')) : null;
  if (source) ctx.showSubgraph(source.sub, { replace: true, source: s.source ?? undefined, highlight: source.highlight });
  s.focus = focus;
  if (focus) await ctx.expand(focus);
  for (const id of expanded) if (id !== focus) await ctx.expand(id);
  if (!source && (focus || expanded.length)) ctx.relayout();
  if (view) ctx.openPanel(view, arg);
  else ctx.openPanel('details');
  if (selected) ctx.select(selected, { show: view === 'details' });
}

export async function setSize(ctx: AppContext, mode: SizeMode): Promise<void> {
  ctx.state.size = mode;
  if (mode === 'workload' && !ctx.canvas.workload) {
    const res = await ctx.run(() => ctx.api.workload());
    if (res) ctx.canvas.workload = workloadMap(res.agencies);
  }
  ctx.canvas.setSizeMode(mode);
  ctx.syncUrl();
}

/** The parts of a view that decide what is on the canvas and where; the rest is panel and selection. */
function canvasPart(s: ViewState): string {
  return JSON.stringify([s.focus, s.expanded, s.source, s.filters, s.layout, s.size]);
}

/**
 * Go to a view from the browser history (Back, Forward, an edited hash). A different canvas is
 * rebuilt as one undo step; the same canvas only changes panel and selection, with no refetch.
 */
export async function applyView(ctx: AppContext, next: ViewState, chrome: { filtersChanged(): void }): Promise<void> {
  const s = ctx.state;
  const sameCanvas = canvasPart(s) === canvasPart(next);
  const filtersChanged = JSON.stringify(s.filters) !== JSON.stringify(next.filters);
  const sizeChanged = s.size !== next.size;
  Object.assign(s, next);
  if (filtersChanged) { ctx.canvas.setFilters(s.filters); chrome.filtersChanged(); }
  if (sizeChanged) await setSize(ctx, s.size);
  if (sameCanvas) {
    ctx.openPanel(s.view ?? 'details', s.arg);
    ctx.select(s.selected, { show: s.view === 'details' });
    return;
  }
  await ctx.canvas.group(async () => {
    const selected = s.selected;
    ctx.canvas.clear();
    s.selected = selected;
    await restore(ctx);
  });
}
