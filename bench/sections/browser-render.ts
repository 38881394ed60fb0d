import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { driveRealInput, type InputFigures } from './real-input.ts';
import { syntheticView, type SyntheticView } from './synthetic-view.ts';

// Cytoscape alone on a blank page with N synthetic elements, in the default canvas renderer
// and in the WebGL mode of cytoscape ≥ 3.31, so renderer limits are measured without the app.

const require = createRequire(import.meta.url);
const SCRIPTS = ['cytoscape/dist/cytoscape.min.js', 'layout-base/layout-base.js', 'cose-base/cose-base.js', 'cytoscape-fcose/cytoscape-fcose.js'];

export interface RenderFigures extends InputFigures {
  firstRenderMs: number;
  layoutMs: number | null;
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

/** canvas: Cytoscape's default; texture: canvas drawing a cached texture while the view moves (as the explorer does); webgl. */
export type RenderMode = 'canvas' | 'texture' | 'webgl';

/**
 * One size in one renderer mode; `layout` (an fcose quality) also times a layout, which is
 * renderer-independent. Builds the view in the page (first render timed to the second painted
 * frame), then drives it with real input (real-input.ts): mouse drags and wheel events through
 * Cytoscape's own handlers, the only path on which its viewport texture is used.
 */
export async function measureRender(page: Page, elements: number, mode: RenderMode, layout: 'draft' | 'default' | null, browserPid: number | null): Promise<RenderFigures> {
  const built = await buildView(page, syntheticView(elements), mode, layout);
  const input = await driveRealInput(page, browserPid);
  await page.evaluate(() => (window as unknown as { __cy?: { destroy(): void } }).__cy?.destroy());
  return { ...built, ...input };
}

function buildView(page: Page, view: SyntheticView, mode: RenderMode, layout: 'draft' | 'default' | null): Promise<Omit<RenderFigures, keyof InputFigures>> {
  return page.evaluate(
    async ({ view, mode, layout }) => {
      type Cy = {
        layout(o: object): { run(): void; one(ev: string, f: () => void): void };
        fit(): void;
        destroy(): void;
        renderer(): { data: { contexts: unknown[] } };
      };
      const cytoscape = (window as unknown as { cytoscape: (o: object) => Cy }).cytoscape;
      const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      const container = document.getElementById('cy') as HTMLElement;
      const t0 = performance.now();
      // Element objects are made in the page's timed span, as the app makes them from an API answer.
      const els: object[] = [];
      for (const n of view.nodes) els.push({ group: 'nodes', data: { id: n.id, label: n.label }, position: { x: n.x, y: n.y } });
      for (const e of view.edges) els.push({ group: 'edges', data: e });
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
    { view, mode, layout },
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
