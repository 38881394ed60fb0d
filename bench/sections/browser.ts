import { chromium, type Page } from 'playwright-core';
import type { GraphStore } from '../../graph/store/types.ts';
import type { BenchContext } from '../context.ts';
import { loadModule } from '../deps.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { median } from '../stats.ts';
import { expandTimes, firstUsefulView } from './browser-app.ts';
import { largeViewFigures } from './browser-large-view.ts';
import { glRenderer, measureRender, preparePage, type RenderFigures } from './browser-render.ts';
import { hasWebgl, measureSigma } from './browser-sigma.ts';
import type { InputFigures } from './real-input.ts';
import { launchedBrowserPid } from './chromium-cpu.ts';

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
    const pid = launchedBrowserPid();
    const sigmaPage = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const sigmaOk = await hasWebgl(sigmaPage);
    for (const n of ctx.quick ? [1000] : [1000, 5000, 10000, 50000]) {
      const targets = n <= 10000 ? { first: 1000, frame: 33 } : { first: 3000, frame: 50 };
      const app: Record<string, { first: number; frame: number }> = {};
      for (const renderMode of profile.modes) {
        // Without the viewport texture 50k elements redraw in whole seconds: measured with it only.
        if (n > 10000 && renderMode === 'canvas') continue;
        const mode = `${profile.name}, ${{ canvas: 'canvas', texture: 'canvas + viewport texture', webgl: 'WebGL' }[renderMode]}`;
        try {
          // fcose at full quality is quadratic-ish; above 1k elements the bench times its draft pass.
          const quality = renderMode !== 'canvas' || profile.name !== 'no GPU' ? null : n <= 1000 ? 'default' : 'draft';
          if (ctx.elapsedMs() > BROWSER_DEADLINE_MS) throw new Error('time budget of the bench spent');
          const r = await measureRender(page, n, renderMode, quality, pid);
          if (renderMode === 'webgl' && !r.webglActive) out.push(notMeasured(`${n} elements, ${mode}`, 'no WebGL2 context in this Chromium (rendered with canvas)'));
          else {
            app[renderMode] = { first: r.firstRenderMs, frame: r.frameMeanMs };
            out.push(...renderFigures(`${n} elements, ${mode}`, r, targets));
          }
          if (r.layoutMs !== null) out.push(figure(`${n} elements: fcose layout (${quality} quality)`, r.layoutMs, 'ms'));
        } catch (err) {
          out.push(notMeasured(`${n} elements, ${mode}`, (err as Error).message.split('\n')[0] ?? 'error'));
        }
      }
      out.push(...(await sigmaFigures(ctx, sigmaPage, sigmaOk, n, profile.name, pid, app)));
    }
  } finally {
    await browser.close();
  }
  return out;
}

function cpuDetail(cpu: InputFigures['cpu']): string {
  if (!cpu) return 'not measured: no /proc';
  const f = (x: number) => x.toFixed(2);
  return `CPU-s per s (page renderer ${f(cpu.renderer)}, GPU process ${f(cpu.gpu)}, browser ${f(cpu.browser)}, other ${f(cpu.other)})`;
}

function renderFigures(label: string, r: Pick<RenderFigures, 'firstRenderMs' | keyof InputFigures>, targets?: { first: number; frame: number }): Figure[] {
  const cpu = r.cpu ? r.cpu.renderer + r.cpu.gpu + r.cpu.browser + r.cpu.other : NaN;
  return [
    figure(`${label}: first render`, r.firstRenderMs, 'ms', targets && below(r.firstRenderMs, targets.first, 'ms')),
    figure(`${label}: frame while dragging and wheeling, mean`, r.frameMeanMs, 'ms', targets && below(r.frameMeanMs, targets.frame, 'ms')),
    figure(`${label}: frame while dragging and wheeling, median / p95`, r.frameMedianMs, `ms / ${r.frameP95Ms.toFixed(1)} ms`),
    figure(`${label}: Chromium CPU while dragging`, cpu, cpuDetail(r.cpu)),
  ];
}

/** sigma.js on the same view and input, and the explorer renderer's time as a multiple of it. */
async function sigmaFigures(ctx: BenchContext, page: Page, webgl: boolean, n: number, profile: string, pid: number | null, app: Record<string, { first: number; frame: number }>): Promise<Figure[]> {
  const label = `${n} elements, ${profile}, sigma.js`;
  if (!webgl) return [notMeasured(label, 'no WebGL context in this Chromium (sigma.js draws with WebGL only)')];
  if (ctx.elapsedMs() > BROWSER_DEADLINE_MS) return [notMeasured(label, 'time budget of the bench spent')];
  try {
    const s = await measureSigma(page, n, pid);
    const out = renderFigures(label, s);
    const best = app['texture'] ?? app['webgl'] ?? app['canvas'];
    if (best) {
      out.push(figure(`${n} elements, ${profile}: explorer renderer ÷ sigma.js, first render`, best.first / s.firstRenderMs, '×'));
      out.push(figure(`${n} elements, ${profile}: explorer renderer ÷ sigma.js, mean frame`, best.frame / s.frameMeanMs, '×'));
    }
    return out;
  } catch (err) {
    return [notMeasured(label, (err as Error).message.split('\n')[0] ?? 'error')];
  }
}

export async function runBrowser(ctx: BenchContext): Promise<Figure[]> {
  let app: Figure[];
  try {
    app = await appFigures(ctx);
  } catch (err) {
    app = [notMeasured('app first useful view / expand', (err as Error).message.split('\n')[0] ?? 'error')];
  }
  const large = await largeViewFigures(ctx).catch((err: unknown) => [notMeasured('app: large view first render', (err as Error).message.split('\n')[0] ?? 'error')]);
  return [...app, ...large, ...(await rendererFigures(ctx))];
}
