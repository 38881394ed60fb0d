import type { AppContext } from './app-context.ts';

/** Edits shared by the toolbar and the keyboard, each followed by the same bookkeeping. */

export function afterEdit(ctx: AppContext): void {
  ctx.state.expanded = [...ctx.canvas.expanded];
  if (ctx.state.focus && ctx.canvas.cy.getElementById(ctx.state.focus).empty()) ctx.state.focus = null;
  ctx.syncUrl('replace');
}

export function hideSelected(ctx: AppContext): void {
  const ids = ctx.canvas.cy.$(':selected').not('.more').map((e) => e.id());
  if (ids.length === 0) return;
  ctx.canvas.hide(ids);
  ctx.select(null);
  afterEdit(ctx);
}

export function undo(ctx: AppContext): void {
  if (ctx.canvas.undo()) { ctx.canvas.refresh(); afterEdit(ctx); }
}

export function redo(ctx: AppContext): void {
  if (ctx.canvas.redo()) { ctx.canvas.refresh(); afterEdit(ctx); }
}
