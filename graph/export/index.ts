import type { GraphJson } from '../model/index.ts';
import { toCsvZip } from './csv.ts';
import { toCypher } from './cypher.ts';
import { toCytoscape } from './cytoscape.ts';
import { toGexf } from './gexf.ts';
import { toGraphml } from './graphml.ts';
import { toGraphJsonText } from './json.ts';
import type { ExportViz } from './viz.ts';

export type { ExportViz, NodeViz, EdgeViz } from './viz.ts';

export const EXPORT_FORMAT_NAMES = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

/**
 * One file per format; `base` names it (policy-graph.graphml, policy-graph-csv.zip…). `viz` (the
 * on-screen look) goes into the formats that can hold it: GraphML, GEXF and Cytoscape JSON.
 */
export function renderExport(format: ExportFormat, graph: GraphJson, base = 'policy-graph', viz?: ExportViz): ExportFile {
  switch (format) {
    case 'json':
      return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: toGraphJsonText(graph) };
    case 'graphml':
      return { filename: `${base}.graphml`, contentType: 'application/graphml+xml; charset=utf-8', body: toGraphml(graph, viz) };
    case 'gexf':
      return { filename: `${base}.gexf`, contentType: 'application/gexf+xml; charset=utf-8', body: toGexf(graph, viz) };
    case 'csv':
      return { filename: `${base}-csv.zip`, contentType: 'application/zip', body: toCsvZip(graph) };
    case 'cypher':
      return { filename: `${base}.cypher`, contentType: 'text/plain; charset=utf-8', body: toCypher(graph) };
    case 'cytoscape':
      return { filename: `${base}.cyjs`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(toCytoscape(graph, viz), null, 2) + '\n' };
  }
}
