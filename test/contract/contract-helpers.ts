import { afterAll, beforeAll } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import type { GraphStore } from '../../graph/store/types.ts';

/** Gives a ready store; the contract clears and loads it itself. */
export type MakeStore = () => Promise<GraphStore>;

/** One store per describe block, loaded with `graph` before its tests and closed after. */
export function useLoadedStore(makeStore: MakeStore, graph: () => GraphJson | Promise<GraphJson>): () => GraphStore {
  let store: GraphStore | undefined;
  beforeAll(async () => {
    store = await makeStore();
    await store.clear();
    await store.loadGraph(await graph());
  });
  afterAll(async () => {
    await store?.close();
  });
  return () => {
    if (!store) throw new Error('store not ready');
    return store;
  };
}

export const idsOf = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
export const sortedIds = (xs: readonly { id: string }[]) => idsOf(xs).sort();
