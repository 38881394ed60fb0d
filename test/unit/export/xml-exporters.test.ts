import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../../graph/export/gexf.ts';
import { toGraphml } from '../../../graph/export/graphml.ts';
import { TRICKY_NAME, fixtureGraph } from './fixture.ts';

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(text, 'application/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

/** Well-formedness checked with @xmldom/xmldom; the graphology parsers read the text with their own copy. */
function checked(text: string): string {
  parseXml(text);
  return text;
}

describe('GraphML export', () => {
  const text = toGraphml(fixtureGraph);

  it('parses back with graphology-graphml with every node, edge and attribute', () => {
    const g = parseGraphml(Graph, checked(text));
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.type).toBe('directed');
    expect(g.getNodeAttribute('agency:发展改革局', 'name')).toBe('发展改革局');
    expect(g.getNodeAttribute('enterprise:tricky', 'name')).toBe(TRICKY_NAME);
    expect(JSON.parse(g.getNodeAttribute('agency:发展改革局', 'aliases') as string)).toEqual(['市发展改革局', '发改局']);
    expect(JSON.parse(g.getNodeAttribute('task:000_a:row-14', 'evidence') as string)[0].quote).toBe('提高本土企业\n自主创新能力');
    const edge = g.edge('agency:发展改革局', 'task:000_a:row-14');
    expect(edge).toBeDefined();
    expect(g.getEdgeAttribute(edge, 'type')).toBe('LEADS');
  });

  it('declares a typed key for every data element', () => {
    const doc = parseXml(text);
    const keys = new Set(Array.from(doc.getElementsByTagName('key')).map((k) => k.getAttribute('id')));
    for (const d of Array.from(doc.getElementsByTagName('data'))) expect(keys.has(d.getAttribute('key'))).toBe(true);
  });
});

describe('GEXF export', () => {
  const text = toGexf(fixtureGraph);

  it('parses back with graphology-gexf with every node, edge and attribute', () => {
    const g = parseGexf(Graph, checked(text));
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.getNodeAttribute('agency:发展改革局', 'label')).toBe('发展改革局');
    expect(g.getNodeAttribute('enterprise:tricky', 'name')).toBe(TRICKY_NAME);
    expect(g.getNodeAttribute('task:000_a:row-14', 'type')).toBe('Task');
    const edge = g.edge('enterprise:tricky', 'task:000_a:row-14');
    expect(edge).toBeDefined();
    expect(JSON.parse(g.getEdgeAttribute(edge, 'props') as string)).toEqual({ note: 'x"y' });
  });

  it('is GEXF 1.3 with declared attributes', () => {
    const doc = parseXml(text);
    expect(doc.documentElement.getAttribute('version')).toBe('1.3');
    const declared = new Set(Array.from(doc.getElementsByTagName('attribute')).map((a) => a.getAttribute('id')));
    for (const v of Array.from(doc.getElementsByTagName('attvalue'))) expect(declared.has(v.getAttribute('for'))).toBe(true);
  });

  it('drops characters XML 1.0 cannot hold instead of writing an unparsable file', () => {
    const g = { ...fixtureGraph, nodes: fixtureGraph.nodes.map((n) => (n.id === 'enterprise:tricky' ? { ...n, name: 'a\u0001b' } : n)) };
    const parsed = parseGexf(Graph, checked(toGexf(g)));
    expect(parsed.getNodeAttribute('enterprise:tricky', 'name')).toBe('ab');
  });
});
