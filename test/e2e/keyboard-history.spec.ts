import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForApp } from './helpers.ts';
import type { AppServer, LaunchedBrowser } from './helpers.ts';
import { getApi, useAppSession } from './session.ts';
import { canvasNodeIds, findPaths, screenshot } from './page-helpers.ts';

// Keyboard on the canvas, undo / redo, Back / Forward and tabs that keep their results, on the
// real app over the seeds. Tests run in order on one page, as one analyst's session.
let srv: AppServer;
let browser: LaunchedBrowser;
let page: Page;
type Win = { __pg: { cy: import('cytoscape').Core; navCount: number; lastNavMs: number; firstUsefulMs: number } };
const timings: Record<string, number> = {};

useAppSession(async (s) => {
  srv = s.srv;
  browser = s.browser;
  page = s.page;
}, () => console.log(`keyboard and history timings (ms): ${JSON.stringify(timings)}`));

const KXJ = 'agency:科技信息局';
const selectedIds = () => page.evaluate(() => (window as unknown as Win).__pg.cy.$(':selected').map((x) => x.id()));
const navCount = () => page.evaluate(() => (window as unknown as Win).__pg.navCount);
const buttonsDisabled = async () => ({ undo: await page.isDisabled('#btn-undo'), redo: await page.isDisabled('#btn-redo') });
const hashParams = () => new URLSearchParams(new URL(page.url()).hash.slice(1));

async function searchAndFocus(query: string, id: string): Promise<void> {
  await page.fill('#search', query);
  await page.locator(`#search-list li[data-id="${id}"]`).click();
  await page.waitForFunction((nid) => (window as unknown as Win).__pg.cy.getElementById(nid).selected(), id);
}

/** Wait until the app has applied one more Back / Forward / hash step than `before`. */
async function afterNav(before: number): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as Win).__pg.navCount > n, before);
}

describe('keyboard, undo and browser history in Chromium', () => {
  it('starts with nothing to undo or redo; the first search can be undone back to the empty canvas', async () => {
    await page.goto(srv.url);
    await waitForApp(page);
    expect(await buttonsDisabled()).toEqual({ undo: true, redo: true });
    await searchAndFocus('科信局', KXJ);
    const n = await getApi<{ nodes: unknown[] }>(srv, `api/nodes/${encodeURIComponent(KXJ)}/neighbors`);
    expect(await canvasNodeIds(page)).toHaveLength(n.nodes.length);
    expect(await buttonsDisabled()).toEqual({ undo: false, redo: true });
    await page.click('#btn-undo');
    expect(await canvasNodeIds(page)).toEqual([]);
    expect(await page.isVisible('#empty')).toBe(true);
    // The view follows the canvas back: nothing focused or selected is left in the link.
    expect(hashParams().get('focus')).toBeNull();
    expect(hashParams().get('sel')).toBeNull();
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === '详情');
    expect(await buttonsDisabled()).toEqual({ undo: true, redo: false });
    await page.click('#btn-redo');
    expect(await canvasNodeIds(page)).toHaveLength(n.nodes.length);
    expect(hashParams().get('focus')).toBe(KXJ);
    expect(await selectedIds()).toEqual([KXJ]);
    expect(await buttonsDisabled()).toEqual({ undo: false, redo: true });
  });

  it('walks to a neighbour with the arrow keys and opens its details with Enter', async () => {
    await page.click('#tab-workload');
    await page.focus('#cy');
    const neighbours = await page.evaluate((id) => (window as unknown as Win).__pg.cy.getElementById(id).neighborhood('node').not('.more').map((x) => x.id()), KXJ);
    await page.keyboard.press('ArrowRight');
    const [step] = await selectedIds();
    expect(step).toBeDefined();
    expect(step).not.toBe(KXJ);
    expect(neighbours).toContain(step);
    // The neighbour it chose lies to the right of where the walk started.
    const [fromX, toX] = await page.evaluate(([a, b]) => {
      const cy = (window as unknown as Win).__pg.cy;
      return [cy.getElementById(a!).position().x, cy.getElementById(b!).position().x];
    }, [KXJ, step!]);
    expect(toX).toBeGreaterThan(fromX);
    expect(await page.getAttribute('#tab-workload', 'aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tab-details[aria-selected="true"]');
    const node = await getApi<{ node: { name: string } }>(srv, `api/nodes/${encodeURIComponent(step!)}`);
    await page.waitForFunction((n) => (document.querySelector('#panel h2')?.textContent ?? '').includes(n), node.node.name);
    expect(hashParams().get('sel')).toBe(step);
  });

  it('hides the selection with Delete, and Ctrl+Z / Ctrl+Shift+Z undo and redo it', async () => {
    const [victim] = await selectedIds();
    const before = await canvasNodeIds(page);
    await page.focus('#cy');
    await page.keyboard.press('Delete');
    expect(await canvasNodeIds(page)).toEqual(before.filter((id) => id !== victim));
    expect(await buttonsDisabled()).toEqual({ undo: false, redo: true });
    await page.keyboard.press('Control+z');
    expect(await canvasNodeIds(page)).toEqual(before);
    expect(await selectedIds()).toEqual([victim]);
    expect(await buttonsDisabled()).toEqual({ undo: false, redo: false });
    await page.keyboard.press('Control+Shift+Z');
    expect(await canvasNodeIds(page)).toEqual(before.filter((id) => id !== victim));
    expect(await buttonsDisabled()).toEqual({ undo: false, redo: true });
    await page.keyboard.press('Control+z');
    expect(await canvasNodeIds(page)).toEqual(before);
    await screenshot(page, 'kb-01-after-undo');
  });

  it('with nothing selected an arrow starts at the focused node; e expands the selected one', async () => {
    await page.keyboard.press('Escape');
    expect(await selectedIds()).toEqual([]);
    await page.focus('#cy');
    await page.keyboard.press('ArrowDown');
    expect(await selectedIds()).toEqual([KXJ]);
    await page.keyboard.press('ArrowLeft');
    const [task] = await selectedIds();
    expect(task).not.toBe(KXJ);
    const count = await page.evaluate(() => (window as unknown as { __pg: { expandCount: number } }).__pg.expandCount);
    await page.keyboard.press('e');
    await page.waitForFunction((c) => (window as unknown as { __pg: { expandCount: number } }).__pg.expandCount > c, count);
    expect((hashParams().get('exp') ?? '').split(',')).toContain(task);
    const sub = await getApi<{ nodes: { id: string }[] }>(srv, `api/nodes/${encodeURIComponent(task!)}/neighbors`);
    const ids = await canvasNodeIds(page);
    expect(sub.nodes.length).toBeLessThan(100); // under the cap, so every neighbour is drawn
    for (const n of sub.nodes) expect(ids).toContain(n.id);
  });

  it('zooms with + and −', async () => {
    await page.focus('#cy');
    const z0 = await page.evaluate(() => (window as unknown as Win).__pg.cy.zoom());
    await page.keyboard.press('+');
    const z1 = await page.evaluate(() => (window as unknown as Win).__pg.cy.zoom());
    expect(z1 / z0).toBeCloseTo(1.25, 5);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    const z2 = await page.evaluate(() => (window as unknown as Win).__pg.cy.zoom());
    expect(z2 / z0).toBeCloseTo(0.8, 5);
  });

  it('keeps a trace and a path search when switching tabs and back, without asking the server again', async () => {
    const traceCalls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/analysis/trace') || r.url().includes('/api/paths')) traceCalls.push(r.url()); });
    await page.click('#tab-trace');
    await page.fill('#trace-input', '生命科学与生物技术');
    await page.locator('#trace-list li[data-id="technology:生命科学与生物技术"]').click();
    await page.waitForSelector('#trace-agencies li');
    const first = page.locator('#trace-agencies li .agency').first();
    await first.click();
    await page.waitForSelector('#trace-agencies li .trace-tasks:not([hidden]) .trace-task');
    const rows = await page.$$eval('#trace-agencies li', (lis) => lis.map((li) => li.getAttribute('data-agency')));
    await page.evaluate(() => { (document.getElementById('trace-agencies') as HTMLElement & { mark?: number }).mark = 7; });
    const calls = traceCalls.length;
    expect(calls).toBeGreaterThan(0);
    await page.click('#tab-details');
    await page.click('#tab-trace');
    await page.waitForSelector('#trace-agencies li');
    // The very list that was left, with the opened row still open.
    expect(await page.evaluate(() => (document.getElementById('trace-agencies') as HTMLElement & { mark?: number }).mark)).toBe(7);
    expect(await page.$$eval('#trace-agencies li', (lis) => lis.map((li) => li.getAttribute('data-agency')))).toEqual(rows);
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    expect(await page.inputValue('#trace-input')).toBe('生命科学与生物技术');

    await findPaths(page, '科技信息局', '南山区政府');
    const paths = await page.$$eval('#paths-list li', (lis) => lis.map((li) => li.textContent));
    expect(paths.length).toBeGreaterThan(0);
    const pathCalls = traceCalls.length;
    await page.click('#tab-trace');
    await page.click('#tab-paths');
    await page.waitForSelector('#paths-list li');
    expect(await page.$$eval('#paths-list li', (lis) => lis.map((li) => li.textContent))).toEqual(paths);
    expect(await page.inputValue('#path-from')).toBe('科技信息局');
    expect(traceCalls.length).toBe(pathCalls);
  });

  it('goes Back and Forward through views inside the app, without reloading', async () => {
    await page.goto('about:blank');
    await page.goto(srv.url);
    await waitForApp(page);
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 1; });
    await searchAndFocus('科信局', KXJ);
    const focusIds = await canvasNodeIds(page);
    await page.click('#tab-trace');
    await page.fill('#trace-input', '生命科学与生物技术');
    await page.locator('#trace-list li[data-id="technology:生命科学与生物技术"]').click();
    await page.waitForSelector('#trace-agencies li');
    const traceIds = await canvasNodeIds(page);
    expect(traceIds).not.toEqual(focusIds);
    // A shared link names the query, not the elements it drew.
    const traceHash = new URL(page.url()).hash;
    expect([...hashParams().keys()].filter((k) => k !== 'sel').sort()).toEqual(['arg', 'src', 'view']);
    // A selection kept across the trace is named in the link only while it is on the canvas, selected.
    const sel = hashParams().get('sel');
    if (sel) expect(await selectedIds()).toEqual([sel]);
    // Dozens of nodes on the canvas, yet the link is a few ids long (CJK counted once, not percent-encoded).
    expect(traceIds.length).toBeGreaterThan(20);
    expect(decodeURIComponent(traceHash).length).toBeLessThan(160);

    let n = await navCount();
    await page.goBack();
    await afterNav(n);
    expect(hashParams().get('view')).toBe('trace');
    expect(hashParams().get('src')).toBeNull();
    expect(await canvasNodeIds(page)).toEqual(focusIds);
    expect(await page.inputValue('#trace-input')).toBe('');
    n = await navCount();
    await page.goBack();
    await afterNav(n);
    expect(await page.getAttribute('#tab-details', 'aria-selected')).toBe('true');
    expect(hashParams().get('focus')).toBe(KXJ);
    expect(await canvasNodeIds(page)).toEqual(focusIds);
    await page.waitForFunction((name) => (document.querySelector('#panel h2')?.textContent ?? '').includes(name), '科技信息局');

    n = await navCount();
    await page.goForward();
    await afterNav(n);
    n = await navCount();
    await page.goForward();
    await afterNav(n);
    timings.forwardToTraceMs = await page.evaluate(() => (window as unknown as Win).__pg.lastNavMs);
    expect(new URL(page.url()).hash).toBe(traceHash);
    await page.waitForSelector('#trace-agencies li');
    expect(await canvasNodeIds(page)).toEqual(traceIds);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await screenshot(page, 'kb-02-forward-to-trace');
  });

  it('follows a hash edited by hand', async () => {
    const n = await navCount();
    await page.evaluate(() => { location.hash = `#focus=${encodeURIComponent('agency:发展改革局')}`; });
    await afterNav(n);
    const ids = await canvasNodeIds(page);
    expect(ids).toContain('agency:发展改革局');
    expect(ids).not.toContain('technology:生命科学与生物技术');
    expect(ids).toHaveLength(101); // the first hundred neighbours, the rest behind "N more"
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('restores a shared trace link in a new tab', async () => {
    const url = `${srv.url}#src=${encodeURIComponent('trace:technology:生命科学与生物技术')}&view=trace&arg=${encodeURIComponent('technology:生命科学与生物技术')}`;
    const other = await browser.context.newPage();
    const t0 = Date.now();
    await other.goto(url);
    await waitForApp(other);
    await other.waitForSelector('#trace-agencies li');
    timings.deepLinkToTraceListMs = Date.now() - t0;
    timings.deepLinkFirstUsefulMs = await other.evaluate(() => (window as unknown as Win).__pg.firstUsefulMs);
    const trace = await getApi<{ subgraph: { nodes: { id: string }[] } }>(srv, `api/analysis/trace?technology=${encodeURIComponent('technology:生命科学与生物技术')}`);
    expect(await canvasNodeIds(other)).toEqual(trace.subgraph.nodes.map((x) => x.id).sort());
    // Nothing to undo in a link just opened.
    expect(await other.isDisabled('#btn-undo')).toBe(true);
    expect(timings.deepLinkFirstUsefulMs).toBeLessThan(5000);
    await other.close();
  });

  it('closes the export menu on Esc and on a click outside; an empty canvas gets a calm note', async () => {
    await page.click('#btn-clear');
    expect(await canvasNodeIds(page)).toEqual([]);
    await page.click('#btn-export');
    expect(await page.isVisible('#export-list')).toBe(true);
    expect(await page.textContent('#export-note')).toBe('画布是空的，没有可导出的内容。先搜索一个机构或打开一个视图。');
    expect(await page.isDisabled('#export-graphml')).toBe(true);
    expect(await page.locator('#errors .error').count()).toBe(0);
    await screenshot(page, 'kb-03-export-empty');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#export-list')).toBe(true);
    expect(await page.getAttribute('#btn-export', 'aria-expanded')).toBe('false');
    await page.click('#btn-export');
    expect(await page.isVisible('#export-list')).toBe(true);
    await page.mouse.click(300, 400); // on the canvas
    expect(await page.isHidden('#export-list')).toBe(true);
  });
});
