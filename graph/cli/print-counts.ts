import { EDGE_TYPES, NODE_TYPES, type GraphJson } from '../model/index.ts';
import type { Counts } from '../store/types.ts';

export function countGraph(graph: GraphJson): Counts {
  const nodes: Counts['nodes'] = {};
  const edges: Counts['edges'] = {};
  for (const n of graph.nodes) nodes[n.type] = (nodes[n.type] ?? 0) + 1;
  for (const e of graph.edges) edges[e.type] = (edges[e.type] ?? 0) + 1;
  return { nodes, edges, totalNodes: graph.nodes.length, totalEdges: graph.edges.length };
}

/** Counts per node and edge type, in the vocabulary's order, one per line. */
export function formatCounts(c: Counts): string {
  const rows: string[] = [`nodes ${c.totalNodes}`];
  for (const t of NODE_TYPES) if (c.nodes[t]) rows.push(`  ${t.padEnd(12)} ${String(c.nodes[t]).padStart(6)}`);
  rows.push(`edges ${c.totalEdges}`);
  for (const t of EDGE_TYPES) if (c.edges[t]) rows.push(`  ${t.padEnd(12)} ${String(c.edges[t]).padStart(6)}`);
  return rows.join('\n');
}
