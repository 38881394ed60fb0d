import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Cytoscape alone on a blank page with N synthetic elements, in the default canvas renderer
// and in the WebGL mode of cytoscape ≥ 3.31, so renderer limits are measured without the app.

const require = createRequire(import.meta.url);
const SCRIPTS = ['cytoscape/dist/cytoscape.min.js', 'layout-base/layout-base.js', 'cose-base/cose-base.js', 'cytoscape-fcose/cytoscape-fcose.js'];

export interface RenderFigures {
  firstRenderMs: number;
  layoutMs: number | null;
  frameMedianMs: number;
  frameP95Ms: number;
  webglActive: boolean;
}

export async function preparePage(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="width:1400px;height:860px"></div></body></html>');
  // tsx compiles named functions with a `__name` helper that does not exist in the page.
  await page.evaluate('globalThis.__name = (f) => f');
  for (const s of SCRIPTS) await page.addScriptTag({ path: require.resolve(s) });
  await page.evaluate(() => {
    const w = window as unknown as { cytoscape: { use(ext: unknown): void }; cytoscapeFcose: unknown };
    w.cytoscape.use(w.cytoscapeFcose);
  });
}

/**
 * One size in one renderer mode; `layout` (an fcose quality) also times a layout, which is
 * renderer-independent. The pan loop stops after ~8 s so a slow renderer cannot eat the budget.
 */
/** canvas: Cytoscape's default; texture: canvas drawing a cached texture while the view moves (as the explorer does); webgl. */
export type RenderMode = 'canvas' | 'texture' | 'webgl';

export function measureRender(page: Page, elements: number, mode: RenderMode, layout: 'draft' | 'default' | null): Promise<RenderFigures> {
  return page.evaluate(
    async ({ elements, mode, layout }) => {
      type Cy = {
        add(e: unknown[]): void;
        layout(o: object): { run(): void; one(ev: string, f: () => void): void };
        panBy(p: { x: number; y: number }): void;
        zoom(z?: number): number;
        fit(): void;
        destroy(): void;
        renderer(): { webgl?: boolean; data: { contexts: unknown[] } };
      };
      const cytoscape = (window as unknown as { cytoscape: (o: object) => Cy }).cytoscape;
      const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      // A connected graph shaped like the app's: 40% nodes, a spanning tree plus extra edges.
      let seed = 42;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const nodeCount = Math.round(elements * 0.4);
      const els: object[] = [];
      for (let i = 0; i < nodeCount; i++) els.push({ group: 'nodes', data: { id: `n${i}`, label: `节点${i}` }, position: { x: rnd() * 4000, y: rnd() * 3000 } });
      for (let i = 0; els.length < elements; i++) {
        const s = (i % (nodeCount - 1)) + 1;
        const t = i < nodeCount - 1 ? Math.floor(rnd() * s) : Math.floor(rnd() * nodeCount);
        els.push({ group: 'edges', data: { id: `e${i}`, source: `n${s}`, target: `n${t}` } });
      }
      const container = document.getElementById('cy') as HTMLElement;
      const t0 = performance.now();
      const cy = cytoscape({
        container,
        elements: els,
        layout: { name: 'preset' },
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 8, width: 12, height: 12, 'background-color': '#4a7bd0' } },
          { selector: 'edge', style: { width: 1, 'line-color': '#999', 'curve-style': 'straight', 'target-arrow-shape': 'triangle' } },
        ],
        ...(mode === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
        ...(mode === 'texture' ? { textureOnViewport: true } : {}),
      });
      cy.fit();
      await frame();
      await frame();
      const firstRenderMs = performance.now() - t0;
      let layoutMs: number | null = null;
      if (layout) {
        const t1 = performance.now();
        const l = cy.layout({ name: 'fcose', quality: layout, randomize: true, animate: false, fit: true, packComponents: true });
        const done = new Promise<void>((r) => l.one('layoutstop', () => r()));
        l.run();
        await done;
        await frame();
        layoutMs = performance.now() - t1;
      }
      // Interactivity: pan and zoom for 40 frames; each frame's interval includes the redraw.
      const intervals: number[] = [];
      // A few frames first, so caches built on the first redraws are not counted as panning cost.
      for (let i = 0; i < 5; i++) await frame();
      let last = await frame();
      const stop = performance.now() + 8_000;
      for (let i = 0; i < 40 && (i < 5 || performance.now() < stop); i++) {
        cy.panBy({ x: 7, y: 3 });
        if (i % 10 === 0) cy.zoom(cy.zoom() * 1.05);
        const now = await frame();
        intervals.push(now - last);
        last = now;
      }
      intervals.sort((a, b) => a - b);
      const contexts = cy.renderer().data.contexts;
      const webglActive = contexts.some((c) => typeof WebGL2RenderingContext !== 'undefined' && c instanceof WebGL2RenderingContext);
      cy.destroy();
      return {
        firstRenderMs,
        layoutMs,
        frameMedianMs: intervals[Math.ceil(intervals.length / 2) - 1] ?? NaN,
        frameP95Ms: intervals[Math.ceil(intervals.length * 0.95) - 1] ?? NaN,
        webglActive,
      };
    },
    { elements, mode, layout },
  );
}
