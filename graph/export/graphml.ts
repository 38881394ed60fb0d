import { sortGraphJson, type GraphJson, type JsonValue } from '../model/index.ts';
import { propColumns, propText, type PropColumn } from './typed-attributes.ts';
import { rgbOf, round2, type ExportViz } from './viz.ts';
import { escapeXml } from './xml.ts';

// Every attribute is declared as a <key> with a type, so Gephi and Cytoscape desktop import
// them as columns. Each prop key gets its own typed column; `props` keeps the whole record as
// JSON so the file still round-trips. Positions and colours use the names Gephi's GraphML
// importer reads (x, y, size, r, g, b).
const NODE_KEYS = ['label', 'type', 'name', 'aliases', 'props', 'evidence'] as const;
const EDGE_KEYS = ['label', 'type', 'props', 'evidence'] as const;
const NODE_VIZ = [['x', 'double'], ['y', 'double'], ['size', 'double'], ['r', 'int'], ['g', 'int'], ['b', 'int'], ['color', 'string']] as const;
const EDGE_VIZ = [['color', 'string'], ['weight', 'double']] as const;

function keyDecl(domain: 'node' | 'edge', id: string, name: string, type = 'string'): string {
  return `  <key id="${domain[0]}_${escapeXml(id)}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`;
}

function data(domain: 'node' | 'edge', id: string, value: string): string {
  return `<data key="${domain[0]}_${escapeXml(id)}">${escapeXml(value)}</data>`;
}

function propData(domain: 'node' | 'edge', columns: readonly PropColumn[], props: Record<string, JsonValue>): string {
  return columns.map((c) => {
    const text = propText(props[c.key]);
    return text === null ? '' : data(domain, `p_${c.name}`, text);
  }).join('');
}

/** A GraphML document (directed graph) of the given Graph JSON, with the on-screen styling when given. */
export function toGraphml(graph: GraphJson, viz?: ExportViz): string {
  const g = sortGraphJson(graph);
  const nodeCols = propColumns(g.nodes, [...NODE_KEYS, ...NODE_VIZ.map(([k]) => k)]);
  const edgeCols = propColumns(g.edges, [...EDGE_KEYS, ...EDGE_VIZ.map(([k]) => k)]);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((k) => keyDecl('node', k, k)),
    ...nodeCols.map((c) => keyDecl('node', `p_${c.name}`, c.name, c.type)),
    ...EDGE_KEYS.map((k) => keyDecl('edge', k, k)),
    ...edgeCols.map((c) => keyDecl('edge', `p_${c.name}`, c.name, c.type)),
    ...(viz ? [...NODE_VIZ.map(([k, t]) => keyDecl('node', `v_${k}`, k, t)), ...EDGE_VIZ.map(([k, t]) => keyDecl('edge', `v_${k}`, k, t))] : []),
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
    const v = viz?.nodes.get(n.id);
    const vizData = v ? (() => {
      const { r, g: gr, b } = rgbOf(v.color);
      return [data('node', 'v_x', String(round2(v.x))), data('node', 'v_y', String(round2(v.y))), data('node', 'v_size', String(round2(v.size))),
        data('node', 'v_r', String(r)), data('node', 'v_g', String(gr)), data('node', 'v_b', String(b)), data('node', 'v_color', v.color)].join('');
    })() : '';
    out.push(`    <node id="${escapeXml(n.id)}">${NODE_KEYS.map((k) => data('node', k, values[k])).join('')}${propData('node', nodeCols, n.props)}${vizData}</node>`);
  }
  for (const e of g.edges) {
    const values: Record<(typeof EDGE_KEYS)[number], string> = {
      label: e.type,
      type: e.type,
      props: JSON.stringify(e.props),
      evidence: JSON.stringify(e.evidence),
    };
    const v = viz?.edges.get(e.id);
    const vizData = v ? data('edge', 'v_color', v.color) + data('edge', 'v_weight', String(round2(v.width))) : '';
    out.push(
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
        `${EDGE_KEYS.map((k) => data('edge', k, values[k])).join('')}${propData('edge', edgeCols, e.props)}${vizData}</edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
