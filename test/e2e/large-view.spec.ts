import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForApp } from './helpers.ts';
import type { AppServer } from './helpers.ts';
import { writeLargeSeeds } from './large-seeds.ts';
import { screenshot } from './page-helpers.ts';
import { getApi, useAppSession } from './session.ts';

// A view above the cluster threshold, on a server over the seeds and 100 generated plans: the trace
// of 节能环保 is about 3,000 elements there (the seeds alone have no view that big).

const seeds = writeLargeSeeds(100);
const TECH = 'technology:节能环保';
let srv: AppServer;
let page: Page;

useAppSession(
  async (s) => {
    srv = s.srv;
    page = s.page;
    await page.addInitScript('globalThis.__name = (f) => f');
  },
  () => seeds.remove(),
  { seedsDir: () => seeds.dir },
);

type Win = { __pg: { cy: import('cytoscape').Core; lastClusterOpened?: number } };

/** What the canvas holds: graph elements drawn as themselves, inside clusters, and the clusters. */
function canvasState(p: Page) {
  return p.evaluate(() => {
    const cy = (window as unknown as Win).__pg.cy;
    const domain = cy.elements().not('.more, .cluster, .cluster-edge');
    return {
      domain: domain.length,
      drawn: domain.not('.clustered').length,
      drawnNodes: domain.nodes().not('.clustered').map((n) => n.id()).sort(),
      clusters: cy.nodes('.cluster').map((n) => ({ id: n.id(), count: Number(n.data('count')), members: (n.data('members') as string[]).slice().sort() })),
      status: document.getElementById('status')?.textContent ?? '',
    };
  });
}

/** Page point of a cluster that Cytoscape's own hit test finds at its centre (it is not under another). */
function clickableCluster(p: Page) {
  return p.evaluate(() => {
    const cy = (window as unknown as Win).__pg.cy;
    const r = cy.container()!.getBoundingClientRect();
    const renderer = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, i: boolean, t: boolean): { id(): string } | null } }).renderer();
    for (const c of cy.nodes('.cluster').sort((a, b) => Number(b.data('count')) - Number(a.data('count'))).toArray() as import('cytoscape').NodeSingular[]) {
      const m = c.position();
      const rp = c.renderedPosition();
      if (rp.x < 5 || rp.y < 5 || rp.x > r.width - 5 || rp.y > r.height - 5) continue;
      if (renderer.findNearestElement(m.x, m.y, true, false)?.id() === c.id()) return { id: c.id(), x: r.left + rp.x, y: r.top + rp.y };
    }
    return null;
  });
}

describe('a view above the cluster threshold, in Chromium', () => {
  it('draws clusters, and the status line counts what they hide as total − drawn', async () => {
    const api = await getApi<{ subgraph: { nodes: unknown[]; edges: unknown[] } }>(srv, `/api/analysis/trace?technology=${encodeURIComponent(TECH)}`);
    const total = api.subgraph.nodes.length + api.subgraph.edges.length;
    expect(total).toBeGreaterThan(2000);
    await page.goto(`${srv.url}#src=${encodeURIComponent(`trace:${TECH}`)}`);
    await waitForApp(page);
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').includes('簇'));
    const s = await canvasState(page);
    await screenshot(page, 'large-view-clusters');
    // Every element the API answered is on the canvas, drawn or inside a cluster.
    expect(s.domain).toBe(total);
    expect(s.clusters.length).toBeGreaterThan(1);
    expect(s.drawn).toBeLessThanOrEqual(2000);
    expect(s.status).toContain(`${total - s.drawn} 个元素收在 ${s.clusters.length} 个簇中`);
    expect(s.status).toContain('视图超过 2000 个元素，按社区分组');
  });

  it('a double-click opens one cluster into exactly its members; the others stay collapsed', async () => {
    const before = await canvasState(page);
    const target = await clickableCluster(page);
    expect(target, 'a cluster whose centre is not under another').not.toBeNull();
    const members = before.clusters.find((c) => c.id === target!.id)!.members;
    await page.mouse.move(target!.x, target!.y);
    await page.mouse.dblclick(target!.x, target!.y);
    await page.waitForFunction((id) => (window as unknown as Win).__pg.cy.getElementById(id).empty(), target!.id);
    const after = await canvasState(page);
    await screenshot(page, 'large-view-cluster-opened');
    expect(after.drawnNodes).toEqual([...before.drawnNodes, ...members].sort());
    expect(after.clusters.map((c) => c.id).sort()).toEqual(before.clusters.map((c) => c.id).filter((id) => id !== target!.id).sort());
    expect(after.status).toContain(`${after.domain - after.drawn} 个元素收在 ${after.clusters.length} 个簇中`);
    expect(after.drawn).toBeGreaterThan(before.drawn + members.length);
  });

  it('the details of a cluster say what it holds and have a button that opens it', async () => {
    const before = await canvasState(page);
    const target = await clickableCluster(page);
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    const count = before.clusters.find((c) => c.id === target!.id)!.count;
    // The details open after the double-click window; until then the panel shows what it showed before.
    await page.waitForFunction((n) => document.querySelector('#panel h2')?.textContent === `簇：${n} 个节点`, count, { timeout: 5000 });
    const button = page.locator('#btn-open-cluster');
    await screenshot(page, 'large-view-cluster-details');
    await button.click();
    await page.waitForFunction((id) => (window as unknown as Win).__pg.cy.getElementById(id).empty(), target!.id);
    const after = await canvasState(page);
    expect(after.clusters).toHaveLength(before.clusters.length - 1);
    expect(after.drawnNodes.length).toBe(before.drawnNodes.length + count);
  });
});
