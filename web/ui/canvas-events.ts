import type { AppContext } from './app-context.ts';
import { bindCanvasKeys } from './canvas-keys.ts';

/** Pointer bindings of the canvas: tap selects, double-tap or right-click expands; then the keyboard. */
export function bindCanvasEvents(ctx: AppContext, searchInput: HTMLInputElement): void {
  const cy = ctx.canvas.cy;
  const container = cy.container() as HTMLElement;
  // A click on the canvas gives it the keyboard, so arrows and Delete act on what was clicked.
  cy.on('tapstart', () => { if (document.activeElement !== container) container.focus({ preventScroll: true }); });
  cy.on('tap', 'node', (ev) => {
    const n = ev.target;
    if (n.hasClass('more')) {
      const center = String(n.data('center'));
      ctx.canvas.showMore(center);
      return;
    }
    ctx.select(n.id(), { show: true });
  });
  cy.on('tap', 'edge', (ev) => { if (!ev.target.hasClass('more')) ctx.select(ev.target.id(), { show: true }); });
  cy.on('tap', (ev) => { if (ev.target === cy) ctx.select(null); });
  cy.on('dbltap cxttap', 'node', (ev) => { if (!ev.target.hasClass('more')) void ctx.expand(ev.target.id()); });
  bindCanvasKeys(ctx, searchInput);
}
