import { evidenceDocs, type GraphJson, type ReadingReport } from '../model/index.ts';
import { readingReports } from '../etl/reading-reports.ts';
import type { GraphStore } from '../store/types.ts';
import type { DocumentEntry, SourceLibrary } from './library.ts';
import { addChange, type Change } from './ingest.ts';
import { emptyRules, type MergeRules } from './merge-rules.ts';
import { reapplyDocuments } from './reapply.ts';

export interface LoadedDocument extends DocumentEntry {
  /**
   * Nodes and edges with evidence from this document in the store now, and its tasks another
   * document names too (a shared table row: one node with evidence from each).
   */
  inStore: DocumentCounts;
  /** What the ETL reads from its text: sections, rows, clauses, units, and the loud warnings. */
  report?: ReadingReport;
}

/** The library's documents with live counts from the store (seeds included) and their reading reports. */
export async function listDocuments(library: SourceLibrary, store: GraphStore): Promise<LoadedDocument[]> {
  const counts = countByDoc(await store.exportGraph());
  const reports = await reportsOf(library);
  return library.entries().map((d) => ({ ...d, inStore: counts.get(d.file) ?? { nodes: 0, edges: 0, sharedTasks: 0 }, report: reports.get(d.file) }));
}

// Reading every text again is the cost of a listing: kept until the library changes.
const reportCache = new WeakMap<SourceLibrary, { revision: number; reports: Map<string, ReadingReport> }>();

async function reportsOf(library: SourceLibrary): Promise<Map<string, ReadingReport>> {
  const revision = library.revision();
  const hit = reportCache.get(library);
  if (hit && hit.revision === revision) return hit.reports;
  const reports = new Map(readingReports(await library.allSources()).map((r) => [r.doc, r]));
  reportCache.set(library, { revision, reports });
  return reports;
}

export interface DocumentCounts {
  nodes: number;
  edges: number;
  sharedTasks: number;
}

export function countByDoc(graph: GraphJson): Map<string, DocumentCounts> {
  const m = new Map<string, DocumentCounts>();
  const get = (doc: string) => m.get(doc) ?? (m.set(doc, { nodes: 0, edges: 0, sharedTasks: 0 }), m.get(doc)!);
  for (const n of graph.nodes) {
    const docs = evidenceDocs(n.evidence);
    for (const doc of docs) {
      get(doc).nodes++;
      if (n.type === 'Task' && docs.length > 1) get(doc).sharedTasks++;
    }
  }
  for (const e of graph.edges) for (const doc of new Set(e.evidence.map((x) => x.doc))) get(doc).edges++;
  return m;
}

/** A document named by file name, file stem, URL, 文号 or key. */
export function resolveDocument(library: SourceLibrary, name: string): DocumentEntry | undefined {
  const all = library.entries();
  const n = name.trim();
  return (
    all.find((d) => d.file === n) ??
    all.find((d) => d.file.replace(/\.txt$/, '') === n) ??
    all.find((d) => d.url === n || d.number === n || d.key === n)
  );
}

/**
 * Removes a document's facts (what no other document supports goes) and its library entry.
 * A seed holds catalogues the others are read against, so removing one re-reads the others.
 */
export async function removeLoadedDocument(library: SourceLibrary, store: GraphStore, entry: DocumentEntry, rules: MergeRules = emptyRules()): Promise<Change> {
  const inStore = countByDoc(await store.exportGraph());
  const change: Change = { nodesAdded: 0, nodesRemoved: 0, edgesAdded: 0, edgesRemoved: 0 };
  if (inStore.has(entry.file)) {
    const s = await store.removeDocument(entry.file);
    addChange(change, s);
  }
  const wasSeed = library.isSeed(entry.file);
  await library.remove(entry.file);
  if (wasSeed) {
    const others = library.entries().map((d) => d.file).filter((f) => inStore.has(f));
    addChange(change, await reapplyDocuments(others, store, library, rules));
  }
  return change;
}
