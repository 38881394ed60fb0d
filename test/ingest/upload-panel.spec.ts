import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { buildUi, launchBrowser, waitForApp, type LaunchedBrowser } from '../e2e/helpers.ts';
import { screenshot } from '../e2e/page-helpers.ts';
import { FIX, S000, S004, rebuild, seedSource } from './helpers.ts';

// The Documents panel in Chromium against the real app with uploads on: drop a changed copy of
// 000, see the per-file result and the progress bar full, and the graph change in the store.
let browser: LaunchedBrowser;
let server: Server;
let store: MemoryGraphStore;
let dir: string;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-upload-ui-'));
  store = await MemoryGraphStore.open(dir);
  await store.loadGraph(rebuild(seedSource(S000), seedSource(S004)));
  const library = await SourceLibrary.open(dir);
  const app = createApp({ store, sources: library, uploads: { library, enabled: true }, options: { staticDir: await buildUi() } });
  server = await new Promise<Server>((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The app with its Documents tab open and the drop zone shown. */
async function openDocumentsPanel() {
  const { page } = browser;
  await page.goto(url);
  await waitForApp(page);
  await page.click('#tab-documents');
  await page.waitForSelector('.drop-zone');
  return page;
}

describe('Documents panel with uploads enabled', () => {
  it('uploads a file through the file input, shows the result and fills the progress bar', async () => {
    const page = await openDocumentsPanel();
    await page.waitForSelector('.drop-zone input[type=file]');
    expect(await page.textContent('#panel')).toContain('2009-02-19');
    await page.setInputFiles('.drop-zone input[type=file]', join(FIX, '000-row-changed.txt'));
    await page.waitForFunction(() => (document.querySelector('.upload-log')?.textContent ?? '').includes('updated'));
    expect(await page.textContent('.upload-log')).toContain(`000-row-changed.txt: updated as ${S000}, 1 warning(s)`);
    await screenshot(page, '20-documents-upload');
    expect(await page.$eval('.drop-zone progress', (p) => (p as HTMLProgressElement).value)).toBe(1);
    const row = (await store.exportGraph()).edges.find((e) => e.type === 'LEADS' && e.evidence.some((v) => v.doc === S000 && v.line === 232));
    expect(row?.source).toBe('agency:科技信息局');
  });

  it('takes files dropped on the zone and refuses an empty one with its message', async () => {
    const page = await openDocumentsPanel();
    const doc = '文   号: 深府〔2031〕7号\n\n\u3000\u3000一、总体要求\n\u3000\u3000责任单位：市教育局牵头。\n';
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      d.items.add(new File([''], 'blank.txt', { type: 'text/plain' }));
      return d;
    }, doc);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: dt });
    await page.waitForFunction(() => (document.querySelector('.upload-log')?.textContent ?? '').includes('blank.txt'));
    const log = await page.$$eval('.upload-log li', (lis) => lis.map((li) => li.textContent));
    expect(log[0]).toBe('dropped.txt: new as dropped.txt — 读取：深圳市，1 节，0 表行，1 条责任关系');
    expect(log).toContain('blank.txt: refused — empty file (0 bytes)');
    expect((await store.exportGraph()).nodes.some((n) => n.evidence.some((e) => e.doc === 'dropped.txt'))).toBe(true);
  });
});
