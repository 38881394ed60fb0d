import { sortGraphJson, type GraphJson, type Evidence, type JsonValue } from '../model/index.ts';
import { round2, type ExportViz } from './viz.ts';

interface CyNodeOut {
  data: { id: string; label: string; name: string; type: string; aliases: string[]; props: Record<string, JsonValue>; evidence: Evidence[]; color?: string; size?: number };
  position?: { x: number; y: number };
}
interface CyEdgeOut {
  data: { id: string; source: string; target: string; label: string; type: string; props: Record<string, JsonValue>; evidence: Evidence[]; color?: string; width?: number };
}
export interface CytoscapeJson {
  elements: { nodes: CyNodeOut[]; edges: CyEdgeOut[] };
}

/**
 * Cytoscape.js JSON (also read by Cytoscape desktop's "Import network from file"); with `viz`,
 * nodes carry their on-screen position and colour/size, so cy.add() reproduces the picture.
 */
export function toCytoscape(graph: GraphJson, viz?: ExportViz): CytoscapeJson {
  const g = sortGraphJson(graph);
  return {
    elements: {
      nodes: g.nodes.map((n) => {
        const v = viz?.nodes.get(n.id);
        const out: CyNodeOut = { data: { id: n.id, label: n.name, name: n.name, type: n.type, aliases: n.aliases, props: n.props, evidence: n.evidence } };
        if (v) {
          out.data.color = v.color;
          out.data.size = round2(v.size);
          out.position = { x: round2(v.x), y: round2(v.y) };
        }
        return out;
      }),
      edges: g.edges.map((e) => {
        const v = viz?.edges.get(e.id);
        const out: CyEdgeOut = { data: { id: e.id, source: e.source, target: e.target, label: e.type, type: e.type, props: e.props, evidence: e.evidence } };
        if (v) { out.data.color = v.color; out.data.width = round2(v.width); }
        return out;
      }),
    },
  };
}
