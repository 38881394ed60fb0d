import type { AppContext } from './app-context.ts';

/** Pointer and keyboard bindings of the canvas: tap selects, double-tap or right-click expands. */
export function bindCanvasEvents(ctx: AppContext, searchInput: HTMLInputElement): void {
  const cy = ctx.canvas.cy;
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

  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement | null;
    const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
    if (ev.key === 'Escape') {
      if (typing) (target as HTMLInputElement).blur();
      ctx.select(null);
      return;
    }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === '/') { ev.preventDefault(); searchInput.focus(); searchInput.select(); }
    else if (ev.key === 'f') { ev.preventDefault(); cy.fit(cy.elements().not('.filtered'), 30); }
  });
}
