import type { GraphJson } from '../../graph/model/index.ts';

/**
 * Table-row task ids of `doc` by row number. Rows are named by their title (task-identity.ts),
 * so tests find "row 14" the way a reader would: by the number its document's PART_OF gives it.
 */
export function rowIdsByNumber(graph: GraphJson, doc: string): Map<number, string> {
  const ids = new Map<number, string>();
  for (const e of graph.edges) {
    if (e.type === 'PART_OF' && e.props['doc'] === doc && typeof e.props['tableNo'] === 'number') ids.set(e.props['tableNo'], e.source);
  }
  return ids;
}

/** `rowIdsByNumber` as a lookup that fails loudly on a number the table lacks. */
export function rowLookup(graph: GraphJson, doc: string): (no: number) => string {
  const ids = rowIdsByNumber(graph, doc);
  return (no) => {
    const id = ids.get(no);
    if (!id) throw new Error(`${doc} has no table row ${no}`);
    return id;
  };
}
