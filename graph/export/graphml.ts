import { sortGraphJson, type GraphJson } from '../model/index.ts';
import { escapeXml } from './xml.ts';

// Every attribute is declared as a <key> with a type, so Gephi and Cytoscape desktop import
// them as columns. Structured values (aliases, props, evidence) travel as JSON strings.
const NODE_KEYS = ['label', 'type', 'name', 'aliases', 'props', 'evidence'] as const;
const EDGE_KEYS = ['label', 'type', 'props', 'evidence'] as const;

function keyDecl(domain: 'node' | 'edge', name: string): string {
  return `  <key id="${domain[0]}_${name}" for="${domain}" attr.name="${name}" attr.type="string"/>`;
}

function data(domain: 'node' | 'edge', name: string, value: string): string {
  return `<data key="${domain[0]}_${name}">${escapeXml(value)}</data>`;
}

/** A GraphML document (directed graph) of the given Graph JSON. */
export function toGraphml(graph: GraphJson): string {
  const g = sortGraphJson(graph);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((k) => keyDecl('node', k)),
    ...EDGE_KEYS.map((k) => keyDecl('edge', k)),
    '  <graph id="policy-graph" edgedefault="directed">',
  ];
  for (const n of g.nodes) {
    const values: Record<(typeof NODE_KEYS)[number], string> = {
      label: n.name,
      type: n.type,
      name: n.name,
      aliases: JSON.stringify(n.aliases),
      props: JSON.stringify(n.props),
      evidence: JSON.stringify(n.evidence),
    };
    out.push(`    <node id="${escapeXml(n.id)}">${NODE_KEYS.map((k) => data('node', k, values[k])).join('')}</node>`);
  }
  for (const e of g.edges) {
    const values: Record<(typeof EDGE_KEYS)[number], string> = {
      label: e.type,
      type: e.type,
      props: JSON.stringify(e.props),
      evidence: JSON.stringify(e.evidence),
    };
    out.push(
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
        `${EDGE_KEYS.map((k) => data('edge', k, values[k])).join('')}</edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
