import type { Page } from 'playwright-core';
import type { GraphStore } from '../../graph/store/types.ts';
import type { BenchContext } from '../context.ts';
import { loadModule } from '../deps.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { median } from '../stats.ts';

// The explorer's own first render of a large view: a server over the seeds plus generated
// plans, a trace link edited into the hash (as an analyst pastes one), timed in the page from
// the hash edit to the frame after the canvas was rebuilt (fetch, add, cluster, layout, paint).

interface Helpers {
  launchBrowser(): Promise<{ page: Page; close(): Promise<void> }>;
  startAppServer(opts: { seedsDir: string }): Promise<{ url: string; store: GraphStore; close(): Promise<void> }>;
  writeLargeSeeds(plans: number, sections?: number): { dir: string; remove(): void };
}

interface PgWin { __pg: { navCount: number; ready: boolean; cy: import('cytoscape').Core } }

export interface LargeRender { ms: number; drawn: number }

/** Hash edit → the canvas rebuilt → two animation frames (the frame Cytoscape drew it in has passed). */
export async function timeHashView(page: Page, url: string, hash: string, timeoutMs = 180_000): Promise<LargeRender> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as PgWin).__pg?.ready === true, null, { timeout: 30_000 });
  return page.evaluate(async ({ h, limit }) => {
    const pg = (window as unknown as PgWin).__pg;
    const before = pg.navCount;
    const t0 = performance.now();
    location.hash = h;
    await new Promise<void>((ok, fail) => {
      const tick = () => {
        if (pg.navCount > before) ok();
        else if (performance.now() - t0 > limit) fail(new Error(`no view after ${limit} ms`));
        else requestAnimationFrame(tick);
      };
      tick();
    });
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { ms: performance.now() - t0, drawn: pg.cy.elements(':visible').length };
  }, { h: hash, limit: timeoutMs });
}

/**
 * Links nearest each wanted size, with the size the API answers: a technology's trace, or an
 * agency's tasks (the workload bar's view), whichever comes closer.
 */
export async function pickViews(store: GraphStore, wanted: readonly number[]): Promise<{ source: string; elements: number }[]> {
  const graph = await store.exportGraph();
  const degree = new Map<string, number>();
  for (const e of graph.edges) if (e.type === 'LEADS' || e.type === 'COOPERATES') degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
  const agencies = [...degree].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([id]) => id);
  const views: { source: string; elements: number }[] = [];
  for (const n of graph.nodes.filter((x) => x.type === 'Technology')) {
    const r = await store.trace(n.id).catch(() => null);
    if (r) views.push({ source: `trace:${n.id}`, elements: r.subgraph.nodes.length + r.subgraph.edges.length });
  }
  for (const id of agencies) {
    const r = await store.neighbors(id, { edgeTypes: ['LEADS', 'COOPERATES'], nodeTypes: ['Agency', 'Task'] });
    views.push({ source: `tasks:${id}`, elements: r.nodes.length + r.edges.length });
  }
  return wanted.map((w) => views.reduce((best, v) => (Math.abs(v.elements - w) < Math.abs(best.elements - w) ? v : best), views[0] ?? { source: '', elements: 0 }));
}

export async function largeViewFigures(ctx: BenchContext): Promise<Figure[]> {
  const label = 'app: large view first render';
  const mod = await loadModule('test/e2e/helpers.ts', 'launchBrowser', 'startAppServer');
  const seeds = await loadModule('test/e2e/large-seeds.ts', 'writeLargeSeeds');
  if (!mod.ok) return [notMeasured(label, mod.reason)];
  if (!seeds.ok) return [notMeasured(label, seeds.reason)];
  const h = { ...mod.api, ...seeds.api } as unknown as Helpers;
  const corpus = h.writeLargeSeeds(ctx.quick ? 120 : 220);
  const server = await h.startAppServer({ seedsDir: corpus.dir });
  const browser = await h.launchBrowser();
  try {
    await browser.page.addInitScript('globalThis.__name = (f) => f');
    const picks = await pickViews(server.store, ctx.quick ? [5000] : [1000, 5000, 10000]);
    const out: Figure[] = [];
    for (const p of picks) {
      const name = `${label}: hash edit (#src=${p.source.split(':')[0]}) → painted frame, ${p.elements} elements loaded`;
      try {
        const runs: LargeRender[] = [];
        for (let i = 0; i < (ctx.quick ? 1 : 3); i++) runs.push(await timeHashView(browser.page, server.url, `#src=${encodeURIComponent(p.source)}`));
        const ms = median(runs.map((r) => r.ms));
        out.push(figure(`${name} (${runs[0]?.drawn ?? 0} drawn), median of ${runs.length}`, ms, 'ms', below(ms, p.elements > 5000 ? 3000 : 1000, 'ms')));
      } catch (err) {
        out.push(notMeasured(name, (err as Error).message.split('\n')[0] ?? 'error'));
      }
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
    corpus.remove();
  }
}

// `npx tsx bench/sections/browser-large-view.ts [--quick]`: this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const figs = await largeViewFigures({ quick: process.argv.includes('--quick'), elapsedMs: () => performance.now() - started, rss: [] });
  for (const f of figs) console.log(`${f.name}: ${f.value === null ? f.note : `${Math.round(f.value)} ${f.unit}`}${f.target ? ` (target ${f.target}, ${f.ok ? 'pass' : 'FAIL'})` : ''}`);
}
