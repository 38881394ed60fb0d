import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

type Win = { __pg: { cy: import('cytoscape').Core; lastExpandMs: number; lastExpandDrawnMs: number; expandCount: number } };

/** Ids of the domain nodes on the canvas, sorted (the "more" controls are not graph nodes). */
export function canvasNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Win).__pg.cy.nodes().not('.more').map((n) => n.id()).sort());
}

/** Page coordinates of a node, from Cytoscape's rendered position plus the container's offset. */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nid) => {
    const cy = (window as unknown as Win).__pg.cy;
    const p = cy.getElementById(nid).renderedPosition();
    const r = cy.container()!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

/** The edge of `type` whose midpoint lies farthest from every node, so a click there hits the edge. */
export async function clearEdgePoint(page: Page, type: string): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate((edgeType) => {
    const cy = (window as unknown as Win).__pg.cy;
    const r = cy.container()!.getBoundingClientRect();
    let best = { id: '', x: 0, y: 0, gap: -Infinity };
    cy.edges(`.${edgeType}`).forEach((e) => {
      const m = e.renderedMidpoint();
      if (m.x < 10 || m.y < 10 || m.x > r.width - 10 || m.y > r.height - 10) return;
      let gap = Infinity;
      cy.nodes().forEach((n) => {
        const p = n.renderedPosition();
        gap = Math.min(gap, Math.hypot(p.x - m.x, p.y - m.y) - n.renderedOuterWidth() / 2);
      });
      cy.edges().forEach((o) => {
        if (o.id() === e.id()) return;
        const q = o.renderedMidpoint();
        gap = Math.min(gap, Math.hypot(q.x - m.x, q.y - m.y));
      });
      // Cytoscape's own hit test must agree that a click there lands on this edge.
      const renderer = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null } }).renderer();
      const m2 = e.midpoint();
      if (renderer.findNearestElement(m2.x, m2.y, true, false)?.id() !== e.id()) return;
      if (gap > best.gap) best = { id: e.id(), x: r.left + m.x, y: r.top + m.y, gap };
    });
    return { id: best.id, x: best.x, y: best.y };
  }, type);
}

export function expandMetrics(page: Page): Promise<{ lastExpandMs: number; lastExpandDrawnMs: number; expandCount: number }> {
  return page.evaluate(() => {
    const m = (window as unknown as Win).__pg;
    return { lastExpandMs: m.lastExpandMs, lastExpandDrawnMs: m.lastExpandDrawnMs, expandCount: m.expandCount };
  });
}

/**
 * Hover a node, double-click it and wait until the expansion is drawn, as a person would;
 * returns the app's own timings (ms). For the browser tests and the bench.
 */
export async function expandByDoubleClick(page: Page, id: string, hoverMs = 150): Promise<{ lastExpandMs: number; lastExpandDrawnMs: number; expandCount: number }> {
  const { expandCount } = await expandMetrics(page);
  const p = await nodePoint(page, id);
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(hoverMs);
  await page.mouse.dblclick(p.x, p.y);
  await page.waitForFunction((c) => (window as unknown as Win).__pg.expandCount > c, expandCount);
  return expandMetrics(page);
}

/** Paths tab: picks both agencies from their suggestion lists, asks, and waits for the listed paths. */
export async function findPaths(page: Page, from: string, to: string): Promise<void> {
  await page.click('#tab-paths');
  for (const [key, name] of [['from', from], ['to', to]] as const) {
    await page.fill(`#path-${key}`, name);
    await page.locator(`#path-${key}-list li[data-id="agency:${name}"]`).click();
  }
  await page.click('#paths-go');
  await page.waitForSelector('#paths-list li');
}
