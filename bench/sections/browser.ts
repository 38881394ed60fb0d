import { chromium } from 'playwright-core';
import type { GraphStore } from '../../graph/store/types.ts';
import type { BenchContext } from '../context.ts';
import { loadModule } from '../deps.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { median } from '../stats.ts';
import { expandTimes, firstUsefulView } from './browser-app.ts';
import { glRenderer, measureRender, preparePage } from './browser-render.ts';

interface E2eHelpers {
  CHROMIUM_PATH: string;
  launchBrowser(): Promise<{ page: import('playwright-core').Page; close(): Promise<void> }>;
  startAppServer(): Promise<{ url: string; store: GraphStore; close(): Promise<void> }>;
}

export async function appFigures(ctx: BenchContext): Promise<Figure[]> {
  const mod = await loadModule('test/e2e/helpers.ts', 'launchBrowser', 'startAppServer');
  if (!mod.ok) return [notMeasured('app first useful view / expand', mod.reason)];
  const h = mod.api as unknown as E2eHelpers;
  const server = await h.startAppServer();
  const browser = await h.launchBrowser();
  try {
    const loads = await firstUsefulView(browser.page, server.url, ctx.quick ? 2 : 5);
    // A shared link focused on the busiest agency: the view an analyst lands on, and nodes to expand.
    const top = (await server.store.workload()).sort((a, b) => b.rows.led + b.rows.cooperated - (a.rows.led + a.rows.cooperated))[0];
    const focused = top ? await firstUsefulView(browser.page, `${server.url}#focus=${encodeURIComponent(top.agency.id)}`, ctx.quick ? 2 : 5) : [];
    const clicks = await loadModule('test/e2e/page-helpers.ts', 'expandByDoubleClick');
    const doubleClick = clicks.ok ? (clicks.api['expandByDoubleClick'] as Parameters<typeof expandTimes>[2]) : undefined;
    const expands = await expandTimes(browser.page, ctx.quick ? 3 : 8, doubleClick);
    const out = [
      figure('app: first useful view, cold load', loads[0] ?? NaN, 'ms', below(loads[0] ?? NaN, 1500, 'ms')),
      figure(`app: first useful view, median of ${loads.length} loads`, median(loads), 'ms', below(median(loads), 1500, 'ms')),
    ];
    if (focused.length) out.push(figure(`app: first useful view of a focus link (${top?.agency.name}), median`, median(focused), 'ms', below(median(focused), 1500, 'ms')));
    const applied = median(expands.map((e) => e.appliedMs));
    const drawn = expands.flatMap((e) => (e.drawnMs === null ? [] : [e.drawnMs]));
    if (expands.length === 0) out.push(notMeasured('app: expand a node', 'no unexpanded node on the focused view'));
    else {
      out.push(figure(`app: expand a node (double-click → applied), median of ${expands.length}`, applied, 'ms', below(applied, 100, 'ms')));
      if (drawn.length) out.push(figure(`app: expand a node (double-click → painted), median of ${drawn.length}`, median(drawn), 'ms', below(median(drawn), 100, 'ms')));
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Two machine profiles. Default: Chromium's own no-GPU mode (what a laptop without GPU drivers
 * gets: 2D canvas drawn on the CPU in the page). GPU: Chromium's defaults with the GPU it finds,
 * measured only when its GL renderer is real hardware; SwiftShader (the emulated GPU, which
 * draws every canvas frame in the GPU process on the CPU) is not counted as a GPU.
 */
const PROFILES = [
  { name: 'no GPU', args: ['--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling'], modes: ['canvas', 'texture'] as const },
  { name: 'hardware GPU', args: ['--no-sandbox', '--ignore-gpu-blocklist', '--disable-background-timer-throttling'], modes: ['canvas', 'texture', 'webgl'] as const },
];

/** Renderer runs stop being started after this point of the whole bench (budget 10 min). */
const BROWSER_DEADLINE_MS = 420_000;

export async function rendererFigures(ctx: BenchContext): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const profile of PROFILES) out.push(...(await profileFigures(ctx, profile)));
  return out;
}

async function profileFigures(ctx: BenchContext, profile: (typeof PROFILES)[number]): Promise<Figure[]> {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath: path, headless: true, args: profile.args });
  const out: Figure[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.setDefaultTimeout(180_000);
    await preparePage(page);
    if (profile.name === 'hardware GPU') {
      const gl = await glRenderer(page);
      if (!gl || /swiftshader|llvmpipe|software/i.test(gl)) return [notMeasured(`renderer, ${profile.name}`, `no GPU (GL renderer: ${gl ?? 'none'})`)];
    }
    for (const n of ctx.quick ? [1000] : [1000, 5000, 10000]) {
      for (const renderMode of profile.modes) {
        const mode = `${profile.name}, ${{ canvas: 'canvas', texture: 'canvas + viewport texture', webgl: 'WebGL' }[renderMode]}`;
        try {
          // fcose at full quality is quadratic-ish; above 1k elements the bench times its draft pass.
          const quality = renderMode !== 'canvas' || profile.name !== 'no GPU' ? null : n <= 1000 ? 'default' : 'draft';
          if (ctx.elapsedMs() > BROWSER_DEADLINE_MS) throw new Error('time budget of the bench spent');
          const r = await measureRender(page, n, renderMode, quality);
          if (renderMode === 'webgl' && !r.webglActive) out.push(notMeasured(`${n} elements, ${mode}`, 'no WebGL2 context in this Chromium (rendered with canvas)'));
          else {
            out.push(figure(`${n} elements, ${mode}: first render`, r.firstRenderMs, 'ms', below(r.firstRenderMs, 1000, 'ms')));
            out.push(figure(`${n} elements, ${mode}: frame while dragging and wheeling, mean`, r.frameMeanMs, 'ms', below(r.frameMeanMs, 50, 'ms (≥ 20 fps)')));
            out.push(figure(`${n} elements, ${mode}: frame while dragging and wheeling, median`, r.frameMedianMs, 'ms'));
            out.push(figure(`${n} elements, ${mode}: frame while dragging and wheeling, p95`, r.frameP95Ms, 'ms'));
          }
          if (r.layoutMs !== null) out.push(figure(`${n} elements: fcose layout (${quality} quality)`, r.layoutMs, 'ms'));
        } catch (err) {
          out.push(notMeasured(`${n} elements, ${mode}`, (err as Error).message.split('\n')[0] ?? 'error'));
        }
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

export async function runBrowser(ctx: BenchContext): Promise<Figure[]> {
  let app: Figure[];
  try {
    app = await appFigures(ctx);
  } catch (err) {
    app = [notMeasured('app first useful view / expand', (err as Error).message.split('\n')[0] ?? 'error')];
  }
  return [...app, ...(await rendererFigures(ctx))];
}
