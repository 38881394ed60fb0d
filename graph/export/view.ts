import type { ExportView } from '../api/endpoints.ts';
import { edgeId } from '../model/ids.ts';
import type { EdgeViz, ExportViz, NodeViz } from './viz.ts';

/** The drawn edge ids and the per-element look, from the compact view a client sends. */
export function viewOfExport(ids: readonly string[], view: ExportView): { edgeIds: Set<string>; viz: ExportViz } {
  const nodes = new Map<string, NodeViz>();
  view.nodes.forEach((v, i) => { const id = ids[i]; if (id !== undefined) nodes.set(id, v); });
  const edgeIds = new Set<string>();
  const edges = new Map<string, EdgeViz>();
  for (const [s, t, type] of view.edges) {
    const source = ids[s];
    const target = ids[t];
    if (source === undefined || target === undefined) continue;
    const id = edgeId(type, source, target);
    edgeIds.add(id);
    const style = view.edgeStyle?.[type];
    if (style) edges.set(id, style);
  }
  return { edgeIds, viz: { nodes, edges } };
}
