import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { layoutOptions, runSeeded, seededRandom, settleOptions } from '../../../web/cy/layouts.ts';
import { toCyElements } from '../../../web/cy/to-cy-elements.ts';
import { star } from './fixture-graph.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);

describe('layouts (headless)', () => {
  it('dagre draws a task tree top-down: the lead agency above its tasks', () => {
    const g = star(5);
    const cy = cytoscape({ headless: true, elements: toCyElements(g.nodes, g.edges, { lang: 'zh' }) });
    cy.layout(layoutOptions('dagre')).run();
    const top = cy.getElementById(g.center.id).position().y;
    for (const t of g.nodes.slice(1)) expect(cy.getElementById(t.id).position().y).toBeGreaterThan(top);
  });

  it('fcose spreads nodes apart, and settling keeps old nodes where they were', () => {
    const g = star(8);
    const cy = cytoscape({ headless: true, elements: toCyElements(g.nodes, g.edges, { lang: 'zh' }) });
    cy.layout(layoutOptions('fcose')).run();
    const ps = cy.nodes().map((n) => n.position());
    const distinct = new Set(ps.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(distinct.size).toBe(9);
    const fixed = [{ nodeId: g.center.id, position: { ...cy.getElementById(g.center.id).position() } }];
    cy.layout({ ...settleOptions(fixed), animate: false } as cytoscape.LayoutOptions).run();
    const p = cy.getElementById(g.center.id).position();
    expect(Math.abs(p.x - fixed[0]!.position.x)).toBeLessThan(1);
    expect(Math.abs(p.y - fixed[0]!.position.y)).toBeLessThan(1);
  });
});

describe('seeded layout', () => {
  it('gives the same positions for the same graph on every run', () => {
    const g = star(12);
    const positions = () => {
      const cy = cytoscape({ headless: true, elements: toCyElements(g.nodes, g.edges, { lang: 'zh' }) });
      runSeeded(() => cy.layout(layoutOptions('fcose')).run());
      return cy.nodes().map((n) => `${n.id()}@${Math.round(n.position().x)},${Math.round(n.position().y)}`);
    };
    expect(positions()).toEqual(positions());
    const r = seededRandom(1);
    expect(r()).not.toBe(r());
    expect(Math.random).not.toBe(r);
  });
});
