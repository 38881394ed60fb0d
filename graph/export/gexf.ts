import { sortGraphJson, type GraphJson } from '../model/index.ts';
import { escapeXml } from './xml.ts';

// GEXF 1.3 as Gephi writes it: declared static attributes, label on the element itself,
// structured values as JSON strings.
const NODE_ATTRS = ['type', 'name', 'aliases', 'props', 'evidence'] as const;
const EDGE_ATTRS = ['type', 'props', 'evidence'] as const;

function attrDecls(cls: 'node' | 'edge', names: readonly string[]): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...names.map((n) => `      <attribute id="${n}" title="${n}" type="string"/>`),
    '    </attributes>',
  ];
}

function attvalues(values: Record<string, string>): string {
  const inner = Object.entries(values)
    .map(([k, v]) => `<attvalue for="${k}" value="${escapeXml(v)}"/>`)
    .join('');
  return `<attvalues>${inner}</attvalues>`;
}

/** A GEXF 1.3 document (directed, static) of the given Graph JSON. */
export function toGexf(graph: GraphJson): string {
  const g = sortGraphJson(graph);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta><creator>policy-graph</creator><description>Policy knowledge graph export</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...attrDecls('node', NODE_ATTRS),
    ...attrDecls('edge', EDGE_ATTRS),
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
    out.push(`      <node id="${escapeXml(n.id)}" label="${escapeXml(n.name)}">${attvalues(values)}</node>`);
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    const values = { type: e.type, props: JSON.stringify(e.props), evidence: JSON.stringify(e.evidence) };
    out.push(
      `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"` +
        ` label="${escapeXml(e.type)}">${attvalues(values)}</edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
