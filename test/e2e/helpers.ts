import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { buildGraph, listSeedFiles } from '../../graph/etl/build-graph.ts';
import { readSourceFile } from '../../graph/etl/read-source.ts';
import { createStore, storeConfigFromEnv } from '../../graph/store/create-store.ts';
import type { GraphStore } from '../../graph/store/types.ts';
import { createApp } from '../../server/app.ts';
import { etlConsistencyCheck } from '../../server/consistency-check.ts';
import { createFolderSources } from '../../server/sources.ts';

// Shared by the browser specs and the bench harness: one real app over the seeds, one Chromium.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const ROOT = resolve(import.meta.dirname, '../..');

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile. Fails loudly (never skips) when it is not installed. */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. The browser tests need it: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'pg-chromium-'));
  // Playwright wants the profile as launchPersistentContext's argument, not as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, acceptDownloads: true,
    viewport: { width: opts.width ?? 1400, height: opts.height ?? 860 }, locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context, page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function hashTree(dir: string, h = createHash('sha1')): Promise<ReturnType<typeof createHash>> {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await hashTree(p, h);
    else h.update(p).update(await readFile(p));
  }
  return h;
}

/**
 * The UI built once per source state into a temp dir (never dist/web, which others build into):
 * specs running in parallel share it, and an unchanged web/ is not rebuilt.
 */
export async function buildUi(): Promise<string> {
  const h = await hashTree(join(ROOT, 'web'));
  h.update(await readFile(join(ROOT, 'vite.config.ts')));
  const out = join(tmpdir(), `policy-graph-ui-${h.digest('hex').slice(0, 16)}`);
  if (existsSync(join(out, 'index.html'))) return out;
  const staging = `${out}.${process.pid}.${Date.now()}`;
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
  try { await rename(staging, out); } catch { await rm(staging, { recursive: true, force: true }); /* another worker won */ }
  await pruneOldBuilds(out);
  return out;
}

/** Builds of earlier web/ states, untouched for an hour, are not needed any more. */
async function pruneOldBuilds(keep: string): Promise<void> {
  const cutoff = Date.now() - 3_600_000;
  for (const name of await readdir(tmpdir())) {
    const p = join(tmpdir(), name);
    if (!name.startsWith('policy-graph-ui-') || p === keep) continue;
    const s = await stat(p).catch(() => null);
    if (s && s.mtimeMs < cutoff) await rm(p, { recursive: true, force: true });
  }
}

export interface AppServer {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

/** The real app (createApp) over an embedded store loaded with the seeds, serving the built UI on a free port. */
export async function startAppServer(opts: { seedsDir?: string; uiDir?: string } = {}): Promise<AppServer> {
  const seedsDir = opts.seedsDir ?? join(ROOT, 'seeds');
  const uiDir = opts.uiDir ?? (await buildUi());
  const dataDir = await mkdtemp(join(tmpdir(), 'pg-data-'));
  const store = await createStore(storeConfigFromEnv(process.env, { kind: 'memory', dataDir }));
  const etl = buildGraph(await Promise.all((await listSeedFiles(seedsDir)).map((f) => readSourceFile(f))));
  await store.loadGraph(etl.graph);
  const app = createApp({
    store,
    sources: createFolderSources([seedsDir]),
    consistencyCheck: etlConsistencyCheck,
    options: { staticDir: uiDir },
  });
  const server = await new Promise<import('node:http').Server>((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`, store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Wait for the app's own ready flag (set once the first view is rendered). */
export async function waitForApp(page: Page): Promise<{ firstUsefulMs: number }> {
  await page.waitForFunction(() => (window as unknown as { __pg?: { ready: boolean } }).__pg?.ready === true, null, { timeout: 15_000 });
  return page.evaluate(() => ({ firstUsefulMs: (window as unknown as { __pg: { firstUsefulMs: number } }).__pg.firstUsefulMs }));
}
