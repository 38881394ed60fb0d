import type { GraphStore } from '../store/types.ts';
import type { Change } from './ingest.ts';
import type { SourceLibrary } from './library.ts';
import type { MergeRules } from './merge-rules.ts';
import { buildFragments } from './fragment.ts';
import { buildGraph } from '../etl/build-graph.ts';
import { applyMergeRules } from './merge-rules.ts';
import type { GraphJson } from '../model/index.ts';
import { markAttachments } from './fetch/attachment-link.ts';

/**
 * Re-reads loaded documents from the library and replaces their facts: how a new merge rule
 * reaches the facts already in the store. Only the named documents are touched.
 */
export async function reapplyDocuments(files: readonly string[], store: GraphStore, library: SourceLibrary, rules: MergeRules, batchSize = 25): Promise<Change> {
  const change: Change = { nodesAdded: 0, nodesRemoved: 0, edgesAdded: 0, edgesRemoved: 0 };
  const loaded = new Set(library.entries().map((d) => d.file));
  const todo = files.filter((f) => loaded.has(f));
  for (let i = 0; i < todo.length; i += batchSize) {
    const batch = await Promise.all(todo.slice(i, i + batchSize).map((f) => library.readSource(f)));
    const fragments = buildFragments(await library.contextSources(), batch, rules);
    const entries = library.entries();
    const written = await store.replaceDocuments(batch.map((src) => ({ doc: src.file, fragment: markAttachments(fragments.get(src.file)?.graph ?? { nodes: [], edges: [] }, entries) })));
    for (const s of written) {
      if (s instanceof Error) throw s; // documents that loaded before re-read the same way: a failure is a bug
      change.nodesAdded += s.nodesAdded;
      change.nodesRemoved += s.nodesRemoved;
      change.edgesAdded += s.edgesAdded;
      change.edgesRemoved += s.edgesRemoved;
    }
  }
  return change;
}

/** The whole library (seeds and ingested documents) with the merge rules applied: what a full reload should load. */
export async function buildLibraryGraph(library: SourceLibrary, rules: MergeRules): Promise<GraphJson> {
  return applyMergeRules(markAttachments(buildGraph(await library.allSources()).graph, library.entries()), rules);
}
