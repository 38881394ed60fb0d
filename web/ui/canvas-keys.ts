import type { NodeSingular } from 'cytoscape';
import { ARROWS, stepTarget } from '../cy/neighbour-step.ts';
import type { AppContext } from './app-context.ts';
import { hideSelected, redo, undo } from './canvas-actions.ts';

const ZOOM_STEP = 1.25;

function isTyping(el: HTMLElement | null): boolean {
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/**
 * The keyboard: anywhere outside a text field, / searches, f fits, Esc clears, Ctrl+Z / Ctrl+Shift+Z
 * (or Ctrl+Y) undo and redo. On the canvas (or with nothing focused) arrows walk to a neighbour,
 * Enter opens its details, e expands it, Delete hides it, + and − zoom. Keys on buttons and tabs
 * keep their own meaning.
 */
export function bindCanvasKeys(ctx: AppContext, searchInput: HTMLInputElement): void {
  const cy = ctx.canvas.cy;
  const container = cy.container() as HTMLElement;
  const selectedNode = (): NodeSingular | null => {
    const n = ctx.state.selected ? cy.getElementById(ctx.state.selected) : null;
    return n && n.nonempty() && n.isNode() ? (n as NodeSingular) : null;
  };
  // With nothing selected the walk starts at the focused node, or the one nearest the middle of the view.
  const startNode = (): NodeSingular | null => {
    const focus = ctx.state.focus ? cy.getElementById(ctx.state.focus) : null;
    if (focus && focus.nonempty()) return focus as NodeSingular;
    const ext = cy.extent();
    const mid = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
    let best: NodeSingular | null = null;
    let bestD = Infinity;
    cy.nodes().not('.more').not('.filtered').not('.clustered').forEach((n) => {
      const d = Math.hypot(n.position().x - mid.x, n.position().y - mid.y);
      if (d < bestD) { bestD = d; best = n; }
    });
    return best;
  };
  const keepInView = (n: NodeSingular) => {
    const p = n.renderedPosition();
    const margin = 30;
    if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) cy.animate({ center: { eles: n } }, { duration: 150 });
  };
  const zoomBy = (factor: number) => {
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement | null;
    const typing = isTyping(target);
    if (ev.key === 'Escape') {
      if (typing) (target as HTMLInputElement).blur();
      ctx.select(null);
      return;
    }
    if (typing) return;
    const mod = ev.ctrlKey || ev.metaKey;
    const key = ev.key.toLowerCase();
    if (mod && !ev.altKey && (key === 'z' || key === 'y')) {
      ev.preventDefault();
      if (key === 'y' || ev.shiftKey) redo(ctx); else undo(ctx);
      return;
    }
    if (mod || ev.altKey) return;
    if (ev.key === '/') { ev.preventDefault(); searchInput.focus(); searchInput.select(); return; }
    if (ev.key === 'f') { ev.preventDefault(); cy.fit(cy.elements().not('.filtered'), 30); return; }
    const onCanvas = target === container || container.contains(target) || target === document.body || target === null;
    if (!onCanvas) return;
    const dir = ARROWS[ev.key];
    if (dir) {
      ev.preventDefault();
      const from = selectedNode();
      if (!from) { const s = startNode(); if (s) { ctx.select(s.id()); keepInView(s); } return; }
      const around = from.neighborhood('node').not('.more').not('.filtered').not('.clustered').map((n) => ({ id: n.id(), pos: { ...(n as NodeSingular).position() } }));
      const next = stepTarget(from.position(), around, dir);
      if (next) { ctx.select(next); keepInView(cy.getElementById(next) as NodeSingular); }
      return;
    }
    const sel = selectedNode();
    if (ev.key === 'Enter' && ctx.state.selected) { ev.preventDefault(); ctx.openPanel('details'); }
    else if (ev.key === 'e' && sel) { ev.preventDefault(); void ctx.expand(sel.id()); }
    else if (ev.key === 'Delete' || ev.key === 'Backspace') { ev.preventDefault(); hideSelected(ctx); }
    else if (ev.key === '+' || ev.key === '=') { ev.preventDefault(); zoomBy(ZOOM_STEP); }
    else if (ev.key === '-' || ev.key === '_') { ev.preventDefault(); zoomBy(1 / ZOOM_STEP); }
  });
}
