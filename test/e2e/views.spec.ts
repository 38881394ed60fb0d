import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForApp } from './helpers.ts';
import type { AppServer } from './helpers.ts';
import { getApi, useAppSession } from './session.ts';
import { canvasNodeIds, findPaths, screenshot } from './page-helpers.ts';

// The analysis views beyond the main three jobs, language and keyboard, on the real app and seeds.
let srv: AppServer;
let page: Page;
type Win = { __pg: { cy: import('cytoscape').Core } };

const api = <T>(path: string) => getApi<T>(srv, path);

useAppSession(async (s) => {
  srv = s.srv;
  page = s.page;
  // Start from one agency's tasks (the workload bar's subgraph), as a shared link would.
  await page.goto(`${srv.url}#src=${encodeURIComponent('tasks:agency:科技信息局')}`);
  await waitForApp(page);
});

describe('analysis views in Chromium', () => {
  it('places the canvas tasks on a timeline by deadline and flags tasks lacking one', async () => {
    const tasks = (await canvasNodeIds(page)).filter((id) => id.startsWith('task:'));
    expect(tasks.length).toBeGreaterThan(10);
    await page.click('#tab-timeline');
    await page.waitForSelector('svg.timeline g.bar');
    const barIds = await page.$$eval('svg.timeline g.bar', (gs) => gs.map((g) => g.getAttribute('data-id')));
    const undated = await page.$$eval('#timeline-undated li', (lis) => lis.length);
    expect(new Set([...barIds]).size + undated).toBe(tasks.length);
    for (const id of barIds) expect(tasks).toContain(id);
    await page.locator('svg.timeline g.bar').first().click();
    const selected = await page.evaluate(() => (window as unknown as Win).__pg.cy.$(':selected').map((x) => x.id()));
    expect(selected).toEqual([barIds[0]]);
    await screenshot(page, '10-timeline');
    await page.selectOption('#timeline-group', 'technology');
    await page.waitForSelector('svg.timeline g.bar');
    expect(page.url()).toContain('arg=technology');
    await screenshot(page, '10b-timeline-by-technology');
  });

  it('lays a task tree out top-down with dagre, and keeps the choice in the URL', async () => {
    await page.selectOption('#layout', 'dagre');
    expect(page.url()).toContain('layout=dagre');
    const [agencyY, taskYs] = await page.evaluate(() => {
      const cy = (window as unknown as Win).__pg.cy;
      return [cy.getElementById('agency:科技信息局').position().y, cy.nodes('.Task').map((n) => n.position().y)] as const;
    });
    for (const y of taskYs) expect(y).toBeGreaterThan(agencyY);
    await screenshot(page, '10c-dagre');
    await page.selectOption('#layout', 'fcose');
  });

  it('builds the responsibility matrix for the canvas and exports it as CSV', async () => {
    await page.evaluate(() => { (window as unknown as Win).__pg.cy.$(':selected').unselect(); });
    await page.click('#tab-matrix');
    await page.waitForSelector('#matrix-table td.mark');
    const rows = await page.$$eval('#matrix-table tr', (trs) => trs.length - 1);
    const tasks = (await canvasNodeIds(page)).filter((id) => id.startsWith('task:'));
    expect(rows).toBe(tasks.length);
    expect(await page.locator('#matrix-table td.mark:text-is("●")').count()).toBeGreaterThan(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#matrix-csv')]);
    const csv = await readFile((await dl.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFagency,')).toBe(true);
    expect(csv).toMatch(/\n科技信息局,.*L/);
    await screenshot(page, '11-matrix');
  });

  it('finds and highlights the shortest paths between two agencies', async () => {
    await findPaths(page, '科技信息局', '南山区政府');
    const paths = await page.$$eval('#paths-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    const expected = await api<{ paths: unknown[] }>(`api/paths?from=${encodeURIComponent('agency:科技信息局')}&to=${encodeURIComponent('agency:南山区政府')}`);
    expect(paths).toHaveLength(expected.paths.length);
    for (const p of paths) expect(p).toMatch(/^科技信息局 → .* → 南山区政府$/);
    expect(await page.evaluate(() => (window as unknown as Win).__pg.cy.$('.path').length)).toBeGreaterThan(2);
    await screenshot(page, '12-paths');
  });

  it('lists the text-vs-table findings with links to both places in the source', async () => {
    const expected = await api<{ findings: { clause: { line: number; quote: string } }[] }>('api/consistency');
    await page.click('#tab-consistency');
    await page.waitForSelector('#findings li');
    expect(await page.locator('#findings > li').count()).toBe(expected.findings.length);
    const first = page.locator('#findings > li').first();
    await first.locator('button.place').first().click();
    await first.locator('.evidence li.hit mark').first().waitFor();
    expect(await first.locator('.evidence li.hit mark').first().textContent()).toBe(expected.findings[0]!.clause.quote);
    if (await first.locator('button.place').count() > 1) {
      await first.locator('button.place').nth(1).click();
      await first.locator('.evidence li.hit').first().waitFor();
    }
    await screenshot(page, '13-consistency');
  });

  it('hosts the documents panel registered by its own module', async () => {
    await page.click('#tab-documents');
    await page.waitForFunction(() => (document.getElementById('panel')?.textContent ?? '').includes('深府〔2009〕9号'));
    await screenshot(page, '16-documents-panel');
  });

  it('switches to English, glosses agency names, and remembers the choice', async () => {
    await page.click('#btn-lang');
    expect(await page.textContent('#tab-workload')).toBe('Workload');
    const label = await page.evaluate(() => (window as unknown as Win).__pg.cy.getElementById('agency:科技信息局').data('label') as string);
    expect(label.split('\n')).toHaveLength(2);
    await page.reload();
    await waitForApp(page);
    expect(await page.textContent('#tab-workload')).toBe('Workload');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#tab-workload');
    await page.waitForSelector('#workload-heat tbody tr');
    const top = await api<{ node: { props: { nameEn?: string } } }>(`api/nodes/${encodeURIComponent('agency:发展改革局')}`);
    expect(top.node.props.nameEn).toBeTruthy();
    expect(await page.locator('#workload-heat tbody tr[data-agency="发展改革局"] th .gloss').textContent()).toBe(` ${top.node.props.nameEn}`);
    await screenshot(page, '14-english-workload');
    await page.click('#btn-lang');
    expect(await page.textContent('#tab-workload')).toBe('工作量');
  });

  it('answers the keyboard: / focuses search, Esc clears the selection, f fits', async () => {
    await page.evaluate(() => { const cy = (window as unknown as Win).__pg.cy; cy.zoom(3); cy.nodes().first().select(); });
    await page.locator('body').press('f');
    expect(await page.evaluate(() => (window as unknown as Win).__pg.cy.zoom())).toBeLessThan(3);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as Win).__pg.cy.$(':selected').length)).toBe(0);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  it('sizes nodes by workload when switched', async () => {
    const size = (id: string) => page.evaluate((nid) => Number((window as unknown as Win).__pg.cy.getElementById(nid).data('size')), id);
    await page.selectOption('#size', 'workload');
    expect(page.url()).toContain('size=workload');
    const task = (await canvasNodeIds(page)).find((id) => id.startsWith('task:'))!;
    expect(await size('agency:科技信息局')).toBe(70);
    expect(await size(task)).toBe(22);
    await page.selectOption('#size', 'degree');
  });

  it('labels every control', async () => {
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('input, select, button, [role=button], [role=tab]')]
      .filter((el) => {
        const byAria = el.getAttribute('aria-label') ?? '';
        const byLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
        return !(byAria.trim() || byLabel.trim() || (el.textContent ?? '').trim());
      })
      .map((el) => el.outerHTML.slice(0, 80)));
    expect(unlabelled).toEqual([]);
  });

  it('shows API errors as readable messages', async () => {
    // A new document, not a same-page hash change: the app reads the link at start-up.
    await page.goto('about:blank');
    await page.goto(`${srv.url}#focus=${encodeURIComponent('agency:不存在的单位')}`);
    await waitForApp(page);
    const msg = await page.locator('#errors .error').first().textContent();
    expect(msg).toMatch(/^出错了：/);
    expect(msg).toContain('不存在的单位');
    await screenshot(page, '15-api-error');
  });
});
