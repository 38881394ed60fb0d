import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Cytoscape alone on a blank page with N synthetic elements, in the default canvas renderer
// and in the WebGL mode of cytoscape ≥ 3.31, so renderer limits are measured without the app.

const require = createRequire(import.meta.url);
const SCRIPTS = ['cytoscape/dist/cytoscape.min.js', 'layout-base/layout-base.js', 'cose-base/cose-base.js', 'cytoscape-fcose/cytoscape-fcose.js'];

export interface RenderFigures {
  firstRenderMs: number;
  layoutMs: number | null;
  /** Input time over frames drawn: idle frames between events cannot hide a slow redraw. */
  frameMeanMs: number;
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

/**
 * Builds the view in the page (first render timed to the second painted frame), optionally times
 * a layout, then pans and zooms it with real input — mouse drags and wheel events through
 * Cytoscape's own handlers, the only path on which its viewport texture is used — counting the
 * page's frames with requestAnimationFrame while the input runs.
 */
export async function measureRender(page: Page, elements: number, mode: RenderMode, layout: 'draft' | 'default' | null): Promise<RenderFigures> {
  const built = await buildView(page, elements, mode, layout);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const stop = Date.now() + 8_000;
  await page.mouse.move(700, 430);
  for (let drag = 0; drag < 4 && Date.now() < stop; drag++) {
    await page.mouse.down();
    for (let i = 1; i <= 10 && Date.now() < stop; i++) await page.mouse.move(700 + i * 14 * (drag % 2 ? -1 : 1), 430 + i * 6);
    await page.mouse.up();
    await page.mouse.wheel(0, drag % 2 ? 120 : -120);
  }
  const frames = await page.evaluate(async () => {
    const w = window as unknown as { __frames: number[]; __recording: boolean; __cy?: { destroy(): void } };
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    w.__recording = false;
    w.__cy?.destroy();
    return w.__frames;
  });
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  return {
    ...built,
    frameMeanMs: frames.length > 1 ? (frames.at(-1)! - frames[0]!) / (frames.length - 1) : NaN,
    frameMedianMs: intervals[Math.ceil(intervals.length / 2) - 1] ?? NaN,
    frameP95Ms: intervals[Math.ceil(intervals.length * 0.95) - 1] ?? NaN,
  };
}

function buildView(page: Page, elements: number, mode: RenderMode, layout: 'draft' | 'default' | null): Promise<Omit<RenderFigures, 'frameMeanMs' | 'frameMedianMs' | 'frameP95Ms'>> {
  return page.evaluate(
    async ({ elements, mode, layout }) => {
      type Cy = {
        layout(o: object): { run(): void; one(ev: string, f: () => void): void };
        fit(): void;
        destroy(): void;
        renderer(): { data: { contexts: unknown[] } };
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
      (window as unknown as { __cy: Cy }).__cy = cy;
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
      // A few frames first, so caches built on the first redraws are not counted as panning cost.
      for (let i = 0; i < 5; i++) await frame();
      const contexts = cy.renderer().data.contexts;
      const webglActive = contexts.some((c) => typeof WebGL2RenderingContext !== 'undefined' && c instanceof WebGL2RenderingContext);
      return { firstRenderMs, layoutMs, webglActive };
    },
    { elements, mode, layout },
  );
}

/** The GL renderer Chromium reports (WEBGL_debug_renderer_info), or null without WebGL. */
export function glRenderer(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}
