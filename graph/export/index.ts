import type { GraphJson } from '../model/index.ts';
import { toCsvZip } from './csv.ts';
import { toCypher } from './cypher.ts';
import { toCytoscape } from './cytoscape.ts';
import { toGexf } from './gexf.ts';
import { toGraphml } from './graphml.ts';
import { toGraphJsonText } from './json.ts';

export const EXPORT_FORMAT_NAMES = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

/** One file per format; `base` names it (policy-graph.graphml, policy-graph-csv.zip…). */
export function renderExport(format: ExportFormat, graph: GraphJson, base = 'policy-graph'): ExportFile {
  switch (format) {
    case 'json':
      return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: toGraphJsonText(graph) };
    case 'graphml':
      return { filename: `${base}.graphml`, contentType: 'application/graphml+xml; charset=utf-8', body: toGraphml(graph) };
    case 'gexf':
      return { filename: `${base}.gexf`, contentType: 'application/gexf+xml; charset=utf-8', body: toGexf(graph) };
    case 'csv':
      return { filename: `${base}-csv.zip`, contentType: 'application/zip', body: toCsvZip(graph) };
    case 'cypher':
      return { filename: `${base}.cypher`, contentType: 'text/plain; charset=utf-8', body: toCypher(graph) };
    case 'cytoscape':
      return { filename: `${base}.cyjs`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(toCytoscape(graph), null, 2) + '\n' };
  }
}
