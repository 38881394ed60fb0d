import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { laterEditionText } from '../support/later-edition.ts';
import { waitForApp } from './helpers.ts';
import type { AppServer } from './helpers.ts';
import { screenshot } from './page-helpers.ts';
import { getApi, useAppSession } from './session.ts';

// Three documents: the seeds and a later edition of 000 whose row 3 names another lead unit.
const S000 = '000_2ebb2acb91732bad.txt';
const dir = mkdtempSync(join(tmpdir(), 'pg-e2e-cross-'));
for (const f of [S000, '004_6d8794a7fddf0732.txt']) copyFileSync(join('seeds', f), join(dir, f));
writeFileSync(join(dir, 'plan-2010.txt'), laterEditionText());

let srv: AppServer;
let page: Page;

useAppSession(
  async (s) => {
    srv = s.srv;
    page = s.page;
    await page.goto(srv.url);
    await waitForApp(page);
  },
  () => rmSync(dir, { recursive: true, force: true }),
  { seedsDir: () => dir },
);

describe('a task named by two documents, in Chromium', () => {
  it('shows the row the documents disagree on, each document with its units and its line', async () => {
    await page.click('#tab-consistency');
    await page.waitForSelector('#row-disagreements li');
    const items = page.locator('#row-disagreements > li');
    expect(await items.count()).toBe(1);
    const text = (await items.first().textContent()) ?? '';
    expect(text).toContain('完善大学城管理体制');
    expect(text).toContain('教育局');
    expect(text).toContain('科技信息局');
    await items.first().locator('button.place').nth(1).click();
    const hit = items.first().locator('.evidence li.hit mark').first();
    await hit.waitFor();
    expect(await hit.textContent()).toBe('3.完善大学城管理体制');
    await screenshot(page, '17-across-documents');
  });

  it('opens the shared row as one node with evidence from both documents', async () => {
    const node = await getApi<{ node: { evidence: { doc: string }[] } }>(srv, `api/nodes/${encodeURIComponent('task:完善大学城管理体制')}`);
    expect(node.node.evidence.map((e) => e.doc)).toEqual([S000, 'plan-2010.txt']);
  });
});
