import type { GraphJson } from '../../graph/model/index.ts';

// The measures of formats-ingest.test.ts, shared: a document's table rows and their roles.
export const hasDoc = (x: { evidence: { doc: string }[] }, doc: string) => x.evidence.some((e) => e.doc === doc);

export const rowIds = (g: GraphJson, doc: string) => new Set(g.nodes.filter((n) => n.type === 'Task' && n.props['kind'] === 'tableRow' && hasDoc(n, doc)).map((n) => n.id));

/** Each table row's leads and cooperators, by the row node (rows are named by title, so shared). */
export const roles = (g: GraphJson, doc: string, type: string) => {
  const rows = rowIds(g, doc);
  return g.edges.filter((e) => e.type === type && rows.has(e.target) && hasDoc(e, doc)).map((e) => `${e.source}->${e.target}`).sort();
};

/** The Document node loaded from `doc`. */
export const documentOf = (g: GraphJson, doc: string) => g.nodes.find((n) => n.type === 'Document' && n.props['file'] === doc);
