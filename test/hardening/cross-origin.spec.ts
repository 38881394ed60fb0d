import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { launchBrowser, type LaunchedBrowser } from '../e2e/helpers.ts';
import { S000, S004, rebuild, seedSource } from '../ingest/helpers.ts';

// A page on another origin, in Chromium, tries every write the app has while uploads are on:
// a text/plain form post, no-cors fetches (the requests a browser sends without asking), and a
// cors fetch with a made-up CSRF header. None may change the graph or the library.
let browser: LaunchedBrowser;
let app: Server;
let evil: Server;
let store: MemoryGraphStore;
let library: SourceLibrary;
let dir: string;
let appUrl: string;
let evilUrl: string;
const answered: string[] = [];

const content = Buffer.from('文   号: 深府〔2099〕1号\n\n一、总体要求\n责任单位：市教育局牵头。\n').toString('base64');

function attackPage(target: string): string {
  const json = JSON.stringify({ name: '000_2ebb2acb91732bad.txt', content, force: true });
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="POST" action="${target}api/admin/documents" enctype="text/plain" target="sink">
  <input name='${json.slice(0, -2)}' value='${json.slice(-2)}'>
</form>
<script>
  window.attacks = (async () => {
    const out = [];
    const send = async (what, url, init) => {
      try { await fetch(url, init); out.push(what + ': sent'); } catch (e) { out.push(what + ': ' + e.name); }
    };
    document.getElementById('f').submit();
    await send('no-cors upload', '${target}api/admin/documents', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(json)} });
    await send('no-cors merge', '${target}api/merges/confirm', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"id":"x"}' });
    await send('cors upload with a token', '${target}api/admin/documents', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'guess' }, body: ${JSON.stringify(json)} });
    await send('cors delete', '${target}api/admin/documents/${encodeURIComponent('000_2ebb2acb91732bad.txt')}', { method: 'DELETE' });
    return out;
  })();
</script></body></html>`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-cross-origin-'));
  store = await MemoryGraphStore.open(dir);
  await store.loadGraph(rebuild(seedSource(S000), seedSource(S004)));
  library = await SourceLibrary.open(dir);
  const handler = createApp({ store, sources: library, uploads: { library, enabled: true } });
  app = createServer((req, res) => {
    res.on('finish', () => answered.push(`${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`));
    handler(req, res);
  });
  await new Promise<void>((ok) => app.listen(0, '127.0.0.1', ok));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackPage(appUrl)));
  await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of [app, evil]) {
    s?.closeAllConnections();
    await new Promise((ok) => (s ? s.close(ok) : ok(undefined)));
  }
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a page on another origin, with uploads on', () => {
  it('cannot upload, replace, remove or merge: every write it reaches is refused, nothing changes', async () => {
    const before = await store.exportGraph();
    const entries = library.entries().map((d) => [d.file, d.origin]);
    const { page } = browser;
    await page.goto(evilUrl);
    const results = await page.evaluate(() => (window as unknown as { attacks: Promise<string[]> }).attacks);
    // No answer is readable by the page: no-cors responses are blocked (Cross-Origin-Resource-Policy), and
    // the preflighted requests never leave the browser (the app sends no CORS headers).
    expect(results).toEqual(['no-cors upload: TypeError', 'no-cors merge: TypeError', 'cors upload with a token: TypeError', 'cors delete: TypeError']);
    await page.waitForTimeout(300);
    const writes = answered.filter((a) => !a.startsWith('OPTIONS') && !a.startsWith('GET'));
    // The form post and both no-cors fetches reached the app and were refused.
    expect(writes).toEqual(['POST /api/admin/documents 403', 'POST /api/admin/documents 403', 'POST /api/merges/confirm 403']);
    expect(await store.exportGraph()).toEqual(before);
    expect(library.entries().map((d) => [d.file, d.origin])).toEqual(entries);
  });
});
