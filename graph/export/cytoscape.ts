import { sortGraphJson, type GraphJson, type Evidence, type JsonValue } from '../model/index.ts';

export interface CytoscapeJson {
  elements: {
    nodes: { data: { id: string; label: string; name: string; type: string; aliases: string[]; props: Record<string, JsonValue>; evidence: Evidence[] } }[];
    edges: { data: { id: string; source: string; target: string; label: string; type: string; props: Record<string, JsonValue>; evidence: Evidence[] } }[];
  };
}

/** Cytoscape.js JSON (also read by Cytoscape desktop's "Import network from file"). */
export function toCytoscape(graph: GraphJson): CytoscapeJson {
  const g = sortGraphJson(graph);
  return {
    elements: {
      nodes: g.nodes.map((n) => ({
        data: { id: n.id, label: n.name, name: n.name, type: n.type, aliases: n.aliases, props: n.props, evidence: n.evidence },
      })),
      edges: g.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, label: e.type, type: e.type, props: e.props, evidence: e.evidence },
      })),
    },
  };
}
