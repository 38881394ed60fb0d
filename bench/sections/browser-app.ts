import type { Page } from 'playwright-core';

// The real explorer over the seed graph: time to the first useful view (the app's own
// ready flag, set when the first view is rendered) and time to expand a node.

interface PgWindow {
  __pg?: { ready: boolean; firstUsefulMs: number; lastExpandMs: number; expandCount: number; cy: { nodes(sel?: string): { length: number; map<T>(f: (n: { id(): string; hasClass(c: string): boolean; degree(loops: boolean): number }) => T): T[] }; getElementById(id: string): { emit(ev: string): void } } };
}

export async function firstUsefulView(page: Page, url: string, loads: number): Promise<number[]> {
  const out: number[] = [];
  await page.addInitScript('globalThis.__name = (f) => f');
  for (let i = 0; i < loads; i++) {
    // Via about:blank so a URL differing only in its hash is a real load.
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as PgWindow).__pg?.ready === true, null, { timeout: 15_000 });
    out.push(await page.evaluate(() => (window as unknown as PgWindow).__pg?.firstUsefulMs ?? NaN));
  }
  return out;
}

export interface ExpandTiming {
  /** Gesture to the expansion applied (the app's lastExpandMs). */
  appliedMs: number;
  /** Gesture to the expansion painted (lastExpandDrawnMs), when the app reports it. */
  drawnMs: number | null;
}

type DoubleClick = (page: Page, id: string) => Promise<{ lastExpandMs: number; lastExpandDrawnMs?: number }>;

/**
 * Expands up to `count` leaf nodes in turn — nodes not yet expanded, as a user would pick —
 * with the browser tests' hover-and-double-click helper when given, else the dbltap event.
 */
export async function expandTimes(page: Page, count: number, doubleClick?: DoubleClick): Promise<ExpandTiming[]> {
  const ids = await page.evaluate(() => {
    const cy = (window as unknown as PgWindow).__pg?.cy;
    return cy ? cy.nodes().map((n) => (n.hasClass('more') || n.degree(false) > 1 ? '' : n.id())).filter(Boolean) : [];
  });
  const out: ExpandTiming[] = [];
  for (const id of ids.slice(0, count)) {
    if (doubleClick) {
      const m = await doubleClick(page, id);
      out.push({ appliedMs: m.lastExpandMs, drawnMs: m.lastExpandDrawnMs ?? null });
      continue;
    }
    const before = await page.evaluate(() => (window as unknown as PgWindow).__pg?.expandCount ?? 0);
    await page.evaluate((nodeId) => (window as unknown as PgWindow).__pg?.cy.getElementById(nodeId).emit('dbltap'), id);
    await page.waitForFunction((n) => ((window as unknown as PgWindow).__pg?.expandCount ?? 0) > n, before, { timeout: 60_000 });
    out.push({ appliedMs: await page.evaluate(() => (window as unknown as PgWindow).__pg?.lastExpandMs ?? NaN), drawnMs: null });
  }
  return out;
}
