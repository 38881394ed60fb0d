import { sortGraphJson, type GraphJson, type JsonValue } from '../model/index.ts';
import { propColumns, propText, type AttrType, type PropColumn } from './typed-attributes.ts';
import { rgbOf, round2, type ExportViz } from './viz.ts';
import { escapeXml } from './xml.ts';

// GEXF 1.3 as Gephi writes it: declared static attributes, label on the element itself,
// one typed attribute per prop key (plus `props` as JSON, so the file round-trips), and the
// on-screen look as viz:color / viz:size / viz:position.
const NODE_ATTRS = ['type', 'name', 'aliases', 'props', 'evidence'] as const;
const EDGE_ATTRS = ['type', 'props', 'evidence'] as const;
const GEXF_TYPE: Record<AttrType, string> = { boolean: 'boolean', int: 'integer', double: 'double', string: 'string' };

function attrDecls(cls: 'node' | 'edge', names: readonly string[], columns: readonly PropColumn[]): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...names.map((n) => `      <attribute id="${n}" title="${n}" type="string"/>`),
    ...columns.map((c) => `      <attribute id="${escapeXml(c.name)}" title="${escapeXml(c.name)}" type="${GEXF_TYPE[c.type]}"/>`),
    '    </attributes>',
  ];
}

function attvalues(values: Record<string, string>, columns: readonly PropColumn[], props: Record<string, JsonValue>): string {
  const fixed = Object.entries(values).map(([k, v]) => `<attvalue for="${k}" value="${escapeXml(v)}"/>`);
  const typed = columns.flatMap((c) => {
    const text = propText(props[c.key]);
    return text === null ? [] : [`<attvalue for="${escapeXml(c.name)}" value="${escapeXml(text)}"/>`];
  });
  return `<attvalues>${fixed.join('')}${typed.join('')}</attvalues>`;
}

function colorTag(hex: string): string {
  const { r, g, b } = rgbOf(hex);
  return `<viz:color r="${r}" g="${g}" b="${b}"/>`;
}

/** A GEXF 1.3 document (directed, static) of the given Graph JSON, with the on-screen styling when given. */
export function toGexf(graph: GraphJson, viz?: ExportViz): string {
  const g = sortGraphJson(graph);
  const nodeCols = propColumns(g.nodes, NODE_ATTRS);
  const edgeCols = propColumns(g.edges, EDGE_ATTRS);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta><creator>policy-graph</creator><description>Policy knowledge graph export</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...attrDecls('node', NODE_ATTRS, nodeCols),
    ...attrDecls('edge', EDGE_ATTRS, edgeCols),
    '    <nodes>',
  ];
  for (const n of g.nodes) {
    const values = {
      type: n.type,
      name: n.name,
      aliases: JSON.stringify(n.aliases),
      props: JSON.stringify(n.props),
      evidence: JSON.stringify(n.evidence),
    };
    const v = viz?.nodes.get(n.id);
    // Screen y grows downward, Gephi's upward: flipped so the picture is not upside down.
    const vizTags = v ? `${colorTag(v.color)}<viz:size value="${round2(v.size)}"/><viz:position x="${round2(v.x)}" y="${round2(-v.y)}" z="0"/>` : '';
    out.push(`      <node id="${escapeXml(n.id)}" label="${escapeXml(n.name)}">${attvalues(values, nodeCols, n.props)}${vizTags}</node>`);
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    const values = { type: e.type, props: JSON.stringify(e.props), evidence: JSON.stringify(e.evidence) };
    const v = viz?.edges.get(e.id);
    const vizTags = v ? `${colorTag(v.color)}<viz:thickness value="${round2(v.width)}"/>` : '';
    out.push(
      `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"` +
        ` label="${escapeXml(e.type)}">${attvalues(values, edgeCols, e.props)}${vizTags}</edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
