import type { GraphStore } from '../graph/store/types.ts';
import type { RevisionSource } from './http/response-cache.ts';

/** Anything whose answers depend on loaded documents: the document library. */
export interface Revisioned {
  revision(): number;
}

/**
 * The one revision cached answers are filed under: the store's graph and the document library
 * together (evidence lines and the consistency check read the library). A store without a
 * revision gives none, and nothing is cached. The store's may be asynchronous (contracts.md D).
 */
export function composeRevision(store: GraphStore, library?: Revisioned): RevisionSource | undefined {
  const storeRevision = store.revision as (() => number | Promise<number>) | undefined;
  if (!storeRevision) return undefined;
  const join = (s: number) => (library ? `${s}.${library.revision()}` : String(s));
  return () => {
    const s = storeRevision.call(store);
    return typeof s === 'number' ? join(s) : s.then(join);
  };
}
