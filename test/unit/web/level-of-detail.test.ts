import cytoscape from 'cytoscape';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindLevelOfDetail, LOD_MIN_EDGES, LOD_ZOOM } from '../../../web/cy/level-of-detail.ts';
import { buildStylesheet } from '../../../web/cy/styles.ts';

beforeAll(() => {
  // Node has no animation frames; the module only schedules with it, and the test applies at once.
  globalThis.requestAnimationFrame ??= ((f: FrameRequestCallback) => setTimeout(() => f(0), 0) as unknown as number);
});

function chain(edges: number) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet() });
  cy.add(Array.from({ length: edges + 1 }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}`, size: 22 } })));
  cy.add(Array.from({ length: edges }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` }, classes: 'LEADS' })));
  return cy;
}

describe('level of detail', () => {
  it('draws edges of a big view as plain lines when zoomed out, and gives arrows back when zoomed in', () => {
    const cy = chain(LOD_MIN_EDGES);
    const apply = bindLevelOfDetail(cy);
    cy.zoom(LOD_ZOOM / 2);
    apply();
    expect(cy.edges('.lod')).toHaveLength(LOD_MIN_EDGES);
    expect(cy.edges()[0]!.style('target-arrow-shape')).toBe('none');
    cy.zoom(LOD_ZOOM * 2);
    apply();
    expect(cy.edges('.lod')).toHaveLength(0);
    expect(cy.edges()[0]!.style('target-arrow-shape')).toBe('triangle');
  });
  it('leaves a small view alone at every zoom', () => {
    const cy = chain(LOD_MIN_EDGES - 1);
    const apply = bindLevelOfDetail(cy);
    cy.zoom(LOD_ZOOM / 2);
    apply();
    expect(cy.edges('.lod')).toHaveLength(0);
  });
});
