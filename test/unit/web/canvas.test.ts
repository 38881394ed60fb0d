import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { GraphCanvas } from '../../../web/cy/canvas.ts';
import { moreNodeId, planExpansion, ringPositions } from '../../../web/cy/expand.ts';
import { defaultFilters } from '../../../web/state/filters.ts';
import { buildStylesheet } from '../../../web/cy/styles.ts';
import { star } from './fixture-graph.ts';

function makeCanvas() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet() });
  return new GraphCanvas(cy, { lang: () => 'zh', moreLabel: (n) => `还有 ${n} 个` });
}

describe('planExpansion', () => {
  it('caps new neighbours and keeps the rest with their edges', () => {
    const g = star(250);
    const plan = planExpansion(g.center.id, g, new Set([g.center.id]));
    expect(plan.add).toHaveLength(100);
    expect(plan.edges).toHaveLength(100);
    expect(plan.rest.nodes).toHaveLength(150);
    expect(plan.rest.edges).toHaveLength(150);
  });
  it('does not re-add what is on the canvas', () => {
    const g = star(5);
    const plan = planExpansion(g.center.id, g, new Set(g.nodes.slice(0, 3).map((n) => n.id)));
    expect(plan.add.map((n) => n.name)).toEqual(['任务3', '任务4', '任务5']);
    expect(plan.edges).toHaveLength(5);
  });
  it('places every new node', () => {
    expect(ringPositions({ x: 0, y: 0 }, 130, { x: -100, y: 0 })).toHaveLength(130);
  });
});

describe('GraphCanvas', () => {
  it('expands at most 100 and shows a visible "N more" control for the rest', () => {
    const c = makeCanvas();
    const g = star(250);
    expect(c.expandWith(g.center.id, g)).toEqual({ added: 100, remaining: 150 });
    expect(c.cy.nodes().not('.more')).toHaveLength(101);
    const more = c.cy.getElementById(moreNodeId(g.center.id));
    expect(more.data('label')).toBe('还有 150 个');
    expect(c.showMore(g.center.id)).toEqual({ added: 100, remaining: 50 });
    expect(c.cy.getElementById(moreNodeId(g.center.id)).data('label')).toBe('还有 50 个');
    expect(c.showMore(g.center.id)).toEqual({ added: 50, remaining: 0 });
    expect(c.cy.getElementById(moreNodeId(g.center.id)).empty()).toBe(true);
    expect(c.cy.nodes()).toHaveLength(251);
    expect(c.cy.edges()).toHaveLength(250);
  });

  it('undoes expand and hide', () => {
    const c = makeCanvas();
    const g = star(10);
    c.addSubgraph({ nodes: [g.center], edges: [] });
    c.expandWith(g.center.id, g);
    expect(c.cy.nodes()).toHaveLength(11);
    c.hide([g.nodes[1]!.id]);
    expect(c.cy.nodes()).toHaveLength(10);
    expect(c.undo()).toBe(true);
    expect(c.cy.nodes()).toHaveLength(11);
    expect(c.undo()).toBe(true);
    expect(c.cy.nodes()).toHaveLength(1);
    expect(c.expanded).toEqual([]);
  });

  it('collapses leaves, pins, and filters without removing', () => {
    const c = makeCanvas();
    const g = star(4);
    c.expandWith(g.center.id, g);
    expect(c.togglePin(g.nodes[1]!.id)).toBe(true);
    expect(c.cy.getElementById(g.nodes[1]!.id).locked()).toBe(true);
    expect(c.collapse(g.center.id)).toBe(3);
    expect(c.cy.nodes()).toHaveLength(2); // the pinned leaf stays
    c.undo();
    c.setFilters({ ...defaultFilters(), nodeTypes: ['Agency'] });
    expect(c.cy.nodes('.filtered')).toHaveLength(4);
    expect(c.cy.edges('.filtered')).toHaveLength(4);
    expect(c.visibleNodeIds()).toEqual([g.center.id]);
    c.setFilters({ ...defaultFilters(), yearFrom: 2011, yearTo: 2012 });
    expect(c.cy.nodes('.filtered').map((n) => n.id())).toEqual([g.nodes[1]!.id, g.nodes[2]!.id]);
  });

  it('sizes by workload when switched', () => {
    const c = makeCanvas();
    const g = star(6);
    c.expandWith(g.center.id, g);
    const byDegree = c.cy.getElementById(g.center.id).data('size');
    c.setSizeMode('workload', new Map([[g.center.id, 1], [g.nodes[1]!.id, 10]]));
    expect(c.cy.getElementById(g.center.id).data('size')).toBeLessThan(byDegree);
  });
});
