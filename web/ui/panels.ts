import type { AppContext } from './app-context.ts';
import { t } from './i18n.ts';
import type { MessageKey } from './i18n.ts';

/** A side panel: renders into `el` each time it is opened; `arg` carries the view's argument from the URL. */
export type PanelRender = (el: HTMLElement, ctx: AppContext, arg: string | null) => void | Promise<void>;

interface Panel {
  id: string;
  label: MessageKey | (() => string);
  render: PanelRender;
  /** Kept while another tab is open: a trace or a path search is shown again as it was left, not redone. */
  keep: boolean;
}

const panels: Panel[] = [];
/** The drawn box of each kept panel and the argument it shows now. */
const kept = new Map<string, { arg: string | null; box: HTMLElement }>();

/**
 * Register a panel tab. Other modules (e.g. a documents panel) call this before the app starts;
 * `labelKey` is an i18n key or a function returning the label in the current language.
 */
export function registerPanel(id: string, labelKey: MessageKey | (() => string), render: PanelRender, opts: { keep?: boolean } = {}): void {
  const existing = panels.findIndex((p) => p.id === id);
  const p = { id, label: labelKey, render, keep: opts.keep ?? false };
  if (existing >= 0) panels[existing] = p; else panels.push(p);
}

/** A kept panel changed its own argument (a new technology traced): its box now shows that one. */
export function notePanelArg(id: string, arg: string | null): void {
  const k = kept.get(id);
  if (k) k.arg = arg;
}

/** Drop every kept box (the language changed, so each must be drawn again). */
export function forgetPanels(): void {
  kept.clear();
}

export function panelIds(): string[] {
  return panels.map((p) => p.id);
}

function labelOf(p: Panel): string {
  return typeof p.label === 'function' ? p.label() : t(p.label);
}

export function renderTabs(nav: HTMLElement, active: string | null, onOpen: (id: string) => void): void {
  nav.replaceChildren(...panels.map((p) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = `tab-${p.id}`;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-controls', 'panel');
    b.setAttribute('aria-selected', String(p.id === active));
    b.tabIndex = p.id === active || (!active && p === panels[0]) ? 0 : -1;
    b.textContent = labelOf(p);
    b.addEventListener('click', () => onOpen(p.id));
    b.addEventListener('keydown', (ev) => {
      // Arrow keys move between tabs, as the ARIA tabs pattern expects.
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      const i = panels.indexOf(p) + (ev.key === 'ArrowRight' ? 1 : -1);
      const next = panels[(i + panels.length) % panels.length];
      if (next) { onOpen(next.id); document.getElementById(`tab-${next.id}`)?.focus(); }
    });
    return b;
  }));
}

export async function renderPanel(el: HTMLElement, id: string, ctx: AppContext, arg: string | null): Promise<void> {
  const p = panels.find((x) => x.id === id);
  if (!p) return;
  el.setAttribute('aria-labelledby', `tab-${id}`);
  el.dataset.panel = id;
  const k = kept.get(id);
  if (p.keep && k && k.arg === arg) { el.replaceChildren(k.box); return; }
  // Each render draws into its own box: a render overtaken by a newer one (two filter changes
  // in quick succession) finishes into a box no longer on the page, never beside the newer one.
  const box = document.createElement('div');
  box.style.display = 'contents';
  el.replaceChildren(box);
  if (p.keep) kept.set(id, { arg, box });
  await p.render(box, ctx, arg);
}
