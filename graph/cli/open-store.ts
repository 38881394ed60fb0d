import { createStore, storeConfigFromEnv } from '../store/create-store.ts';
import type { GraphStore } from '../store/types.ts';
import type { CliArgs } from './cli-args.ts';

/** The configured store: env decides, --store and --data override. */
export function openStore(args: Pick<CliArgs, 'store' | 'data'>): Promise<GraphStore> {
  const overrides = { ...(args.store ? { kind: args.store } : {}), ...(args.data ? { dataDir: args.data } : {}) };
  return createStore(storeConfigFromEnv(process.env, overrides));
}

/** Runs `fn` with an open store and always closes it. */
export async function withStore<T>(args: Pick<CliArgs, 'store' | 'data'>, fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(args);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
