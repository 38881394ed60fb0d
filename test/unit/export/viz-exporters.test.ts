import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { ExportBodySchema } from '../../../graph/api/index.ts';
import { toCytoscape } from '../../../graph/export/cytoscape.ts';
import { toGexf } from '../../../graph/export/gexf.ts';
import { toGraphml } from '../../../graph/export/graphml.ts';
import { propColumns } from '../../../graph/export/typed-attributes.ts';
import { viewOfExport } from '../../../graph/export/view.ts';
import { fixtureGraph } from './fixture.ts';

const ids = fixtureGraph.nodes.map((n) => n.id);
// Drawn: the LEADS edge only (the COOPERATES one is filtered out on screen).
const view = {
  nodes: [{ x: 10.123, y: -20, size: 40, color: '#0072b2' }, { x: 100, y: 50, size: 22, color: '#e69f00' }, { x: 0, y: 0, size: 22, color: '#cc79a7' }],
  edges: [[0, 1, 'LEADS']] as [number, number, 'LEADS'][],
  edgeStyle: { LEADS: { color: '#0072b2', width: 3 } },
};
const { edgeIds, viz } = viewOfExport(ids, view);
const drawn = { nodes: fixtureGraph.nodes, edges: fixtureGraph.edges.filter((e) => edgeIds.has(e.id)) };

describe('typed prop columns', () => {
  it('gives each prop key the narrowest type of its values and renames clashes', () => {
    const cols = propColumns([{ props: { level: 'municipal', no: 3, share: 1 } }, { props: { no: 4, share: 0.5, collective: true, type: 'x' } }], ['type']);
    expect(cols).toEqual([
      { key: 'collective', name: 'collective', type: 'boolean' },
      { key: 'level', name: 'level', type: 'string' },
      { key: 'no', name: 'no', type: 'int' },
      { key: 'share', name: 'share', type: 'double' },
      { key: 'type', name: 'prop_type', type: 'string' },
    ]);
  });
});

describe('exports with the on-screen view', () => {
  it('the view names exactly the drawn edge', () => {
    expect([...edgeIds]).toEqual(['LEADS:agency:发展改革局->task:000_a:row-14']);
    expect(drawn.edges).toHaveLength(1);
  });

  it('GraphML: props as typed columns and Gephi position/colour keys', () => {
    const text = toGraphml(drawn, viz);
    new DOMParser().parseFromString(text, 'application/xml');
    const g = parseGraphml(Graph, text);
    expect(g.size).toBe(1);
    expect(g.getNodeAttribute('agency:发展改革局', 'level')).toBe('municipal');
    expect(g.getNodeAttribute('task:000_a:row-14', 'kind')).toBe('tableRow');
    expect(g.getNodeAttribute('agency:发展改革局', 'x')).toBe(10.12);
    expect(g.getNodeAttribute('agency:发展改革局', 'size')).toBe(40);
    expect(g.getNodeAttribute('agency:发展改革局', 'color')).toBe('#0072b2');
    expect(text).toContain('<data key="n_v_r">0</data><data key="n_v_g">114</data><data key="n_v_b">178</data>');
    expect(text).toContain('attr.name="level" attr.type="string"');
  });

  it('GEXF: viz:color, viz:size and viz:position (y up) on every node', () => {
    const text = toGexf(drawn, viz);
    const g = parseGexf(Graph, text);
    expect(g.getNodeAttribute('agency:发展改革局', 'color')).toBe('rgb(0,114,178)');
    expect(g.getNodeAttribute('agency:发展改革局', 'size')).toBe(40);
    expect(g.getNodeAttribute('agency:发展改革局', 'x')).toBe(10.12);
    expect(g.getNodeAttribute('agency:发展改革局', 'y')).toBe(20);
    expect(g.getNodeAttribute('agency:发展改革局', 'level')).toBe('municipal');
    const edge = g.edge('agency:发展改革局', 'task:000_a:row-14');
    expect(g.getEdgeAttribute(edge, 'thickness')).toBe(3);
  });

  it('Cytoscape JSON: positions and colours that cy.add() reads', () => {
    const cy = toCytoscape(drawn, viz);
    const agency = cy.elements.nodes.find((n) => n.data.id === 'agency:发展改革局');
    expect(agency?.position).toEqual({ x: 10.12, y: -20 });
    expect(agency?.data.color).toBe('#0072b2');
    expect(cy.elements.edges[0]?.data.width).toBe(3);
  });

  it('the request schema refuses a view that does not match the ids', () => {
    const bad = ExportBodySchema.safeParse({ format: 'graphml', ids, view: { ...view, nodes: view.nodes.slice(1) } });
    expect(bad.success).toBe(false);
    const outOfRange = ExportBodySchema.safeParse({ format: 'graphml', ids, view: { ...view, edges: [[0, 9, 'LEADS']] } });
    expect(outOfRange.success).toBe(false);
    expect(ExportBodySchema.safeParse({ format: 'graphml', ids, view, name: '科技信息局-depth2-2026-12-03' }).success).toBe(true);
    expect(ExportBodySchema.safeParse({ format: 'graphml', ids, name: '../etc' }).success).toBe(false);
  });
});
