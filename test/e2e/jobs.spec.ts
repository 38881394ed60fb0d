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
});
