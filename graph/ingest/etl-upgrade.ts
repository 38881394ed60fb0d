import { ETL_VERSION } from '../etl/etl-version.ts';
import { documentIdOf } from '../etl/parse-document.ts';
import type { GraphStore } from '../store/types.ts';
import type { SourceLibrary } from './library.ts';
import type { MergeRules } from './merge-rules.ts';
import { buildLibraryGraph } from './reapply.ts';

/** Loaded Document nodes an older ETL wrote (no or another etlVersion). */
export async function documentsFromOlderEtl(store: GraphStore, library: SourceLibrary): Promise<string[]> {
  const ids = (await library.allSources()).map(documentIdOf);
  const nodes = await store.getNodes(ids);
  return nodes.filter((n) => n.props['etlVersion'] !== ETL_VERSION).map((n) => n.id);
}

/**
 * A graph read by an older ETL is rebuilt whole from the loaded documents and the merge rules:
 * replacing one document at a time would leave its old ids beside the new ones. Returns a line
 * saying so, or null when the graph is current.
 */
export async function rebuildIfOlderEtl(store: GraphStore, library: SourceLibrary, rules: MergeRules): Promise<string | null> {
  const stale = await documentsFromOlderEtl(store, library);
  if (stale.length === 0) return null;
  const summary = await store.loadGraph(await buildLibraryGraph(library, rules));
  return `the graph was read by an older ETL (${stale.length} documents): rebuilt from ${library.entries().length} documents → ${summary.nodes} nodes, ${summary.edges} edges`;
}
