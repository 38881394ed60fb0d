import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { computeMetric, labelOf, MAX_SIZE, MIN_SIZE, scaleSize, toCyElements } from '../../../web/cy/to-cy-elements.ts';
import { buildStylesheet, contrastRatio, EDGE_STYLE, NODE_STYLE, textColorOn } from '../../../web/cy/styles.ts';
import { edge, node, star } from './fixture-graph.ts';

describe('toCyElements', () => {
  it('maps domain nodes and edges to render data Cytoscape accepts', () => {
    const g = star(3);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(), elements: toCyElements(g.nodes, g.edges, { lang: 'zh' }) });
    expect(cy.nodes()).toHaveLength(4);
    expect(cy.edges()).toHaveLength(3);
    const agency = cy.getElementById('agency:科技信息局');
    expect(agency.data('type')).toBe('Agency');
    expect(agency.hasClass('Agency')).toBe(true);
    expect(agency.data('level')).toBe('municipal');
    // Render data only: no evidence or props leak into the canvas.
    expect(agency.data('evidence')).toBeUndefined();
    expect(cy.getElementById(g.edges[0]!.id).hasClass('LEADS')).toBe(true);
  });

  it('drops edges whose ends are not on the canvas', () => {
    const a = node('Agency', '财政局');
    const t = node('Task', '任务');
    const els = toCyElements([a], [edge('LEADS', a, t)], { lang: 'zh' });
    expect(els).toHaveLength(1);
    expect(toCyElements([a], [edge('LEADS', a, t)], { lang: 'zh', present: new Set([t.id]) })).toHaveLength(2);
  });

  it('adds the English gloss to agency labels in English only', () => {
    const { center } = star(0);
    expect(labelOf(center, 'zh')).toBe('科技信息局');
    expect(labelOf(center, 'en')).toContain('\nScience');
    expect(labelOf(node('Task', '一二三四五六七八九十一二三四五六'), 'zh')).toHaveLength(14);
  });

  it('sizes by degree or by workload, leads weighing double', () => {
    const g = star(6);
    const degree = computeMetric(g.nodes, g.edges, 'degree');
    expect(degree.get(g.center.id)).toBe(6);
    const work = computeMetric(g.nodes, g.edges, 'workload');
    expect(work.get(g.center.id)).toBe(2 * 2 + 4); // tasks 0 and 3 led, four cooperated
    expect(computeMetric(g.nodes, g.edges, 'workload', new Map([[g.center.id, 42]])).get(g.center.id)).toBe(42);
    expect(scaleSize(0, 10)).toBe(MIN_SIZE);
    expect(scaleSize(10, 10)).toBe(MAX_SIZE);
    expect(scaleSize(5, 10)).toBeGreaterThan(MIN_SIZE);
  });
});

describe('styles', () => {
  it('gives every node type its own colour and shape, and edge types distinct styles', () => {
    const colours = new Set(Object.values(NODE_STYLE).map((s) => `${s.color}/${s.shape}`));
    expect(colours.size).toBe(Object.keys(NODE_STYLE).length);
    expect(EDGE_STYLE.LEADS.line).toBe('solid');
    expect(EDGE_STYLE.COOPERATES.line).toBe('dashed');
    const key = (t: keyof typeof EDGE_STYLE) => JSON.stringify(EDGE_STYLE[t]);
    expect(new Set([key('LEADS'), key('COOPERATES'), key('DEPENDS_ON'), key('TARGETS')]).size).toBe(4);
  });

  it('is applied by headless Cytoscape', () => {
    const g = star(1);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(), elements: toCyElements(g.nodes, g.edges, { lang: 'zh' }) });
    expect(cy.getElementById(g.center.id).style('shape')).toBe('round-rectangle');
    expect(cy.getElementById(g.edges[0]!.id).style('line-style')).toBe('solid');
  });
});

describe('highlight styles', () => {
  it('marks a path without resizing its nodes', () => {
    const g = star(1);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(), elements: toCyElements(g.nodes, g.edges, { lang: 'zh' }) });
    const n = cy.getElementById(g.center.id);
    const before = n.style('width');
    cy.elements().addClass('path');
    expect(n.style('width')).toBe(before);
    expect(n.style('border-color')).toBe('rgb(170,0,0)');
    expect(cy.getElementById(g.edges[0]!.id).style('width')).toBe('4px');
  });
});

describe('contrast', () => {
  it('gives every type badge text of at least 4.5:1 contrast', () => {
    for (const { color } of Object.values(NODE_STYLE)) expect(contrastRatio(color, textColorOn(color))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#1a1a1a', '#ffffff')).toBeGreaterThan(7);
  });
});
