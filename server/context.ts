import type { z } from 'zod';
import type { ConsistencyResponseSchema, DocumentsResponseSchema } from '../graph/api/index.ts';
import type { SourceDocument } from '../graph/etl/types.ts';
import type { GraphStore } from '../graph/store/types.ts';
import { withTimeout } from './http/timeout.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import type { SourceProvider } from './sources.ts';

export type ConsistencyReport = z.output<typeof ConsistencyResponseSchema>;
export type DocumentList = z.output<typeof DocumentsResponseSchema>['documents'];

/** Runs the ETL's text-vs-table check over source documents (graph/etl buildGraph in production). */
export type ConsistencyCheck = (docs: SourceDocument[]) => Pick<ConsistencyReport, 'findings' | 'warnings' | 'rowDisagreements'>;

/** What every route needs: the store behind a timeout, the sources, and the derived caches. */
export interface AppContext {
  store: GraphStore;
  sources: SourceProvider;
  /** Runs a store call under the configured timeout (TimeoutError → 503). */
  call<T>(fn: (store: GraphStore) => Promise<T>): Promise<T>;
  consistency: SnapshotCache<Pick<ConsistencyReport, 'findings' | 'warnings' | 'rowDisagreements'>>;
  documents: SnapshotCache<DocumentList>;
  version: string;
  /** Drop derived caches (after a reload that may not change the counts). */
  invalidate(): void;
}

export function createContext(store: GraphStore, sources: SourceProvider, check: ConsistencyCheck | undefined, timeoutMs: number, version: string): AppContext {
  const call = <T>(fn: (s: GraphStore) => Promise<T>) => withTimeout(fn(store), timeoutMs);
  const counts = () => call((s) => s.counts());
  const ctx: AppContext = {
    invalidate() {
      ctx.consistency.invalidate();
      ctx.documents.invalidate();
    },
    store,
    sources,
    call,
    version,
    consistency: new SnapshotCache(counts, async () => {
      if (!check) return { findings: [], warnings: [], rowDisagreements: [] };
      const docs: SourceDocument[] = [];
      for (const f of await sources.listFiles()) {
        const d = await sources.read(f);
        if (d) docs.push(d);
      }
      return check(docs);
    }),
    documents: new SnapshotCache(counts, async () => {
      // The store interface has no "list by type"; one export, cached until the counts change.
      const graph = await call((s) => s.exportGraph());
      const str = (v: unknown) => (typeof v === 'string' ? v : null);
      return graph.nodes
        .filter((n) => n.type === 'Document')
        .map((n) => ({
          id: n.id,
          file: str(n.props.file) ?? n.evidence[0]?.doc ?? n.name,
          title: str(n.props.title) ?? n.name,
          number: str(n.props.number),
          date: str(n.props.date),
          url: str(n.props.url),
          publisher: str(n.props.publisher),
        }))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    }),
  };
  return ctx;
}
