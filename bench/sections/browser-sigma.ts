import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { ROOT } from '../deps.ts';
import { driveRealInput, type InputFigures } from './real-input.ts';
import { syntheticView } from './synthetic-view.ts';

export interface SigmaFigures extends InputFigures {
  firstRenderMs: number;
}

let bundle: Promise<string> | null = null;

/** sigma.js and graphology as one script for a blank page (sigma ships no browser build of its own). */
function sigmaScript(): Promise<string> {
  bundle ??= build({
    stdin: { contents: "import Graph from 'graphology'; import Sigma from 'sigma'; Object.assign(window, { Graph, Sigma });", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

/** Whether the page can make a WebGL context at all: sigma draws with nothing else. */
export function hasWebgl(page: Page): Promise<boolean> {
  return page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null || document.createElement('canvas').getContext('webgl') !== null);
}

/**
 * The same synthetic view as the Cytoscape figures, drawn by sigma.js with labels, then driven
 * by the same real input: the reference the explorer's renderer is compared with.
 */
export async function measureSigma(page: Page, elements: number, browserPid: number | null): Promise<SigmaFigures> {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="sg" style="width:1400px;height:860px"></div></body></html>');
  // tsx compiles named functions with a `__name` helper that does not exist in the page.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.addScriptTag({ content: await sigmaScript() });
  const view = syntheticView(elements);
  const firstRenderMs = await page.evaluate(async (view) => {
    type G = { addNode(id: string, a: object): void; addEdge(s: string, t: string, a: object): void };
    const w = window as unknown as { Graph: new (o: object) => G; Sigma: new (g: G, c: HTMLElement, o: object) => { kill(): void }; __sigma?: { kill(): void } };
    const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    const t0 = performance.now();
    // The synthetic view may join two nodes twice, as Cytoscape's may: a multigraph keeps every edge.
    const g = new w.Graph({ multi: true });
    for (const n of view.nodes) g.addNode(n.id, { label: n.label, x: n.x, y: n.y, size: 3, color: '#4a7bd0' });
    for (const e of view.edges) g.addEdge(e.source, e.target, { size: 1, color: '#999' });
    w.__sigma = new w.Sigma(g, document.getElementById('sg') as HTMLElement, { renderEdgeLabels: false });
    await frame();
    await frame();
    return performance.now() - t0;
  }, view);
  const input = await driveRealInput(page, browserPid);
  await page.evaluate(() => (window as unknown as { __sigma?: { kill(): void } }).__sigma?.kill());
  return { firstRenderMs, ...input };
}
