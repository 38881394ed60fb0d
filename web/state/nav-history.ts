import { decodeViewState, encodeViewState } from './url-state.ts';
import type { ViewState } from './url-state.ts';

/** How a URL write treats the browser history: a new Back step when the view changed, or in place. */
export type UrlWrite = 'auto' | 'replace';

/**
 * What makes a Back step: what the canvas was asked for (focus, source) and the open panel with its
 * argument. Selection, expansions and filters change in place, or Back would be a keystroke log.
 */
export function navKey(s: ViewState): string {
  return JSON.stringify([s.focus, s.source, s.view, s.arg]);
}

/** The canonical form of a hash, so `#a=1` typed by hand and our own encoding compare equal. */
export function canonicalHash(hash: string): string {
  return encodeViewState(decodeViewState(hash));
}

/**
 * The app's view in the browser history. Writes push or replace entries; Back, Forward and a hash
 * edited by hand come back through `apply`, one at a time, and never push while they run.
 */
export class NavHistory {
  private key: string;
  private hash: string;
  private applying = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly win: Window, initial: ViewState) {
    this.key = navKey(initial);
    this.hash = canonicalHash(win.location.hash);
  }

  write(state: ViewState, mode: UrlWrite = 'auto'): void {
    const hash = encodeViewState(state);
    const key = navKey(state);
    const loc = this.win.location;
    const url = hash ? `#${hash}` : loc.pathname + loc.search;
    if (mode === 'auto' && this.applying === 0 && key !== this.key) this.win.history.pushState(null, '', url);
    else if (hash !== canonicalHash(loc.hash) || (!hash && loc.hash)) this.win.history.replaceState(null, '', url);
    this.key = key;
    this.hash = hash;
  }

  /** Follow Back / Forward (popstate) and hash edits (hashchange); both fire for one step, so dedupe by hash. */
  listen(apply: (next: ViewState) => Promise<void>): void {
    const follow = () => {
      this.queue = this.queue.then(async () => {
        const hash = canonicalHash(this.win.location.hash);
        if (hash === this.hash) return;
        this.applying++;
        try {
          const next = decodeViewState(this.win.location.hash);
          this.key = navKey(next);
          this.hash = hash;
          await apply(next);
        } finally {
          this.applying--;
        }
      }).catch(() => undefined);
    };
    this.win.addEventListener('popstate', follow);
    this.win.addEventListener('hashchange', follow);
  }

  /** Runs `work` with every write in place (start-up restore). */
  async quietly<T>(work: () => Promise<T>): Promise<T> {
    this.applying++;
    try { return await work(); } finally { this.applying--; }
  }
}
