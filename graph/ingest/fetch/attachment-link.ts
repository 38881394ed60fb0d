import type { GraphJson } from '../../model/index.ts';

/**
 * An attachment (a table, a Word file, a PDF published with a notice) keeps its own Document and
 * evidence; its Document's `attachedTo` prop names the parent Document's id. A prop, not an edge:
 * an edge needs evidence in some line of text, and PART_OF means a task's place in a document.
 */
export const ATTACHED_TO = 'attachedTo';

/** Sets `attachedTo` on the Document node of `file` (in a fragment or a whole graph). */
export function markAttachment(graph: GraphJson, file: string, parentId: string): void {
  for (const n of graph.nodes) if (n.type === 'Document' && n.props['file'] === file) n.props[ATTACHED_TO] = parentId;
}

/** Every library document that is an attachment, marked in `graph`: how a re-read keeps the links. */
export function markAttachments(graph: GraphJson, entries: readonly { file: string; attachedTo?: string | undefined }[]): GraphJson {
  for (const e of entries) if (e.attachedTo) markAttachment(graph, e.file, e.attachedTo);
  return graph;
}
