import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForApp } from './helpers.ts';
import type { AppServer } from './helpers.ts';
import { getApi, useAppSession } from './session.ts';
import { screenshot } from './page-helpers.ts';

// The three jobs of the explorer, each as a person would do it, on the real app and seeds.
let srv: AppServer;
let page: Page;
type Win = { __pg: { cy: import('cytoscape').Core } };
const api = <T>(path: string) => getApi<T>(srv, path);

useAppSession(async (s) => {
  srv = s.srv;
  page = s.page;
  await page.goto(srv.url);
  await waitForApp(page);
});

type Trace = {
  agencies: { agency: { id: string; name: string }; led: number; cooperated: number; tasks: { id: string; name: string; role: string; technology: string }[] }[];
  subgraph: { edges: { id: string; evidence: { doc: string; line: number; quote: string }[] }[] };
  breadth: Record<string, number>;
};

describe('explorer jobs in Chromium', () => {
  it('trace: the picker finds a technology by a lexicon term (疫苗 → 新药创制) and by English (biotech)', async () => {
    await page.click('#tab-trace');
    await page.fill('#trace-input', '疫苗');
    const first = page.locator('#trace-list li[data-id]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-id')).toBe('technology:新药创制');
    expect(await first.textContent()).toContain('疫苗');
    await page.fill('#trace-input', 'biotech');
    await page.locator('#trace-list li[data-id="technology:生命科学与生物技术"]').waitFor();
  });

  it('trace: an agency row opens to its tasks with role and technology, a task to its source line, in ≤ 3 clicks', async () => {
    const expected = await api<Trace>(`api/analysis/trace?technology=${encodeURIComponent('technology:生命科学与生物技术')}`);
    const top = expected.agencies[0]!;
    await page.locator('#trace-list li[data-id="technology:生命科学与生物技术"]').click(); // click 1: choose
    await page.waitForSelector('#trace-agencies li.trace-agency');
    const row = page.locator(`#trace-agencies li.trace-agency[data-agency="${top.agency.name}"]`);
    expect(await row.locator('.counts').textContent()).toBe(`牵头 ${top.led} · 配合 ${top.cooperated}`);
    await row.locator('button.agency').click(); // click 2: expand the agency
    const tasks = row.locator('li.trace-task');
    expect(await tasks.count()).toBe(top.tasks.length);
    const task = top.tasks[0]!;
    const first = tasks.first();
    expect(await first.getAttribute('data-task')).toBe(task.id);
    expect(await first.locator('.role').textContent()).toBe(task.role === 'LEADS' ? '牵头' : '配合');
    expect(await first.textContent()).toContain(task.technology.replace('technology:', ''));
    await first.locator('button.show-evidence').click(); // click 3: the reason, in the source
    const ev = expected.subgraph.edges.find((e) => e.id === `${task.role}:${top.agency.id}->${task.id}`)!.evidence[0]!;
    await first.locator(`.evidence li.hit .no:text-is("${ev.line}")`).waitFor();
    expect(await first.locator('.evidence li.hit mark').first().textContent()).toBe(ev.quote);
    await screenshot(page, 'jobs-01-trace-evidence');
  });

  it('trace: a precision note counts the broad tasks, and section-level tasks can be left out', async () => {
    const expected = await api<Trace>(`api/analysis/trace?technology=${encodeURIComponent('technology:生命科学与生物技术')}`);
    const broad = new Set(expected.agencies.flatMap((a) => a.tasks.map((t) => t.id)).filter((id) => (expected.breadth[id] ?? 0) >= 5));
    expect(broad.size).toBeGreaterThan(0);
    expect(await page.textContent('#trace-precision')).toContain(`${broad.size} 个任务`);
    const before = await page.locator('#trace-agencies li.trace-task, #trace-agencies li.trace-agency').count();
    await page.check('#trace-exclude-sections');
    const kinds = await page.evaluate(() => (window as unknown as Win).__pg.cy.nodes('.Task').map((n) => n.id()));
    expect(kinds.length).toBeGreaterThan(0);
    const after = await page.locator('#trace-agencies li.trace-agency').count();
    expect(after).toBeLessThanOrEqual(before);
    await page.locator('#trace-agencies li.trace-agency button.agency').first().click();
    const sectionShown = await page.$$eval('#trace-agencies li.trace-task', (lis) => lis.map((li) => li.getAttribute('data-task') ?? ''));
    const nodes = await page.evaluate((ids) => ids.map((id) => (window as unknown as Win).__pg.cy.getElementById(id).data('type') as string), sectionShown);
    expect(nodes.every((t) => t === 'Task')).toBe(true);
    for (const id of sectionShown) expect(id).not.toMatch(/#\d/); // section ids carry their path after '#'
    await page.uncheck('#trace-exclude-sections');
  });

  it('trace results survive a tab switch', async () => {
    await page.click('#tab-details');
    await page.click('#tab-trace');
    await page.waitForSelector('#trace-agencies li.trace-agency');
    expect(await page.inputValue('#trace-input')).toBe('生命科学与生物技术');
  });

  it('workload: the heat map puts the top lead unit first with its by-year counts', async () => {
    type W = { agencies: { agency: { id: string; name: string }; rows: { led: number }; byYear: Record<string, { led: number; cooperated: number }> }[] };
    const w = await api<W>('api/analysis/workload');
    const led = (a: W['agencies'][number]) => Object.values(a.byYear).reduce((n, c) => n + c.led, 0);
    const top = [...w.agencies].sort((a, b) => led(b) - led(a) || b.rows.led - a.rows.led)[0]!;
    expect(top.agency.name).toBe('发展改革局');
    await page.click('#tab-workload');
    const first = page.locator('#workload-heat tbody tr').first();
    await first.waitFor();
    expect(await first.getAttribute('data-agency')).toBe(top.agency.name);
    for (const [year, c] of Object.entries(top.byYear)) {
      if (c.led + c.cooperated === 0) continue;
      expect(await first.locator(`td[data-year="${year}"]`).textContent()).toBe(`${c.led}/${c.cooperated}`);
    }
    expect(await page.textContent('#workload-explain')).toContain('附表行');
    await screenshot(page, 'jobs-02-workload-heat');
    // A click marks the row where it is: the table does not move under the pointer.
    const y0 = (await first.boundingBox())!.y;
    await first.locator('th button').click();
    await page.waitForFunction((id) => (window as unknown as Win).__pg.cy.getElementById(id).selected(), top.agency.id);
    expect((await page.locator('#workload-heat tbody tr').first().boundingBox())!.y).toBe(y0);
    expect(await page.getAttribute('#workload-heat tbody tr.chosen', 'data-agency')).toBe(top.agency.name);
  });

  it('workload: the year filter drives the heat map columns', async () => {
    await page.fill('#filter-yf', '2010');
    await page.fill('#filter-yt', '2011');
    await page.locator('#filter-yt').dispatchEvent('change');
    await page.waitForFunction(() => [...document.querySelectorAll('#workload-heat thead th')].map((th) => th.textContent).join() .includes('2011'));
    const years = await page.$$eval('#workload-heat thead th', (ths) => ths.map((th) => th.textContent ?? '').filter((x) => /^\d{4}$/.test(x)));
    expect(years).toEqual(['2010', '2011']);
    await page.fill('#filter-yf', '');
    await page.fill('#filter-yt', '');
    await page.locator('#filter-yt').dispatchEvent('change');
  });

  it('export: after search, expand and filter, the GraphML holds exactly the visible nodes and edges', async () => {
    await page.click('#btn-clear');
    await page.fill('#search', '科信局');
    await page.locator('#search-list li[data-id="agency:科技信息局"]').click();
    await page.waitForFunction(() => (window as unknown as Win).__pg.cy.nodes().length > 10);
    const task = await page.evaluate(() => (window as unknown as Win).__pg.cy.nodes('.Task').first().id());
    await page.evaluate(async (id) => { (window as unknown as Win).__pg.cy.getElementById(id).emit('dbltap'); }, task);
    await page.waitForTimeout(600);
    await page.uncheck('#filter-form input[name=et][value=PART_OF]');
    await page.uncheck('#filter-form input[name=nt][value=Document]');
    const visible = await page.evaluate(() => {
      const cy = (window as unknown as Win).__pg.cy;
      return { nodes: cy.nodes().not('.more').not('.filtered').map((n) => n.id()).sort(), edges: cy.edges().not('.more').not('.filtered').length, all: cy.edges().not('.more').length };
    });
    expect(visible.edges).toBeLessThan(visible.all);
    expect(await page.textContent('#status')).toContain(`显示 ${visible.nodes.length} /`);
    await page.click('#btn-export');
    expect(await page.textContent('label[for=export-scope-view]')).toBe(`当前视图：${visible.nodes.length} 个节点，${visible.edges} 条关系`);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
    expect(dl.suggestedFilename()).toMatch(/^科技信息局-view-\d{4}-\d{2}-\d{2}\.graphml$/);
    const xml = await readFile((await dl.path())!, 'utf8');
    new DOMParser().parseFromString(xml, 'application/xml');
    const g = parseGraphml(Graph, xml);
    expect(g.nodes().sort()).toEqual(visible.nodes);
    expect(g.size).toBe(visible.edges);
    expect(g.getNodeAttribute('agency:科技信息局', 'level')).toBe('municipal');
    expect(typeof g.getNodeAttribute('agency:科技信息局', 'x')).toBe('number');
    // Esc closes the menu; so does a click outside it.
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#export-list')).toBe(true);
    await page.click('#btn-export');
    await page.mouse.click(600, 500);
    expect(await page.isHidden('#export-list')).toBe(true);
    await page.check('#filter-form input[name=et][value=PART_OF]');
    await page.check('#filter-form input[name=nt][value=Document]');
  });

  it('export: an empty canvas says so, without an error', async () => {
    await page.click('#btn-clear');
    await page.click('#btn-export');
    expect(await page.textContent('#export-note')).toContain('画布是空的');
    expect(await page.isDisabled('#export-graphml')).toBe(true);
    expect(await page.locator('#errors .error').count()).toBe(0);
    await page.keyboard.press('Escape');
  });
});
