import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GraphJson } from '../graph/model/index.ts';
import type { GraphStore } from '../graph/store/types.ts';
import type { SourceDocument } from '../graph/etl/types.ts';

// The bench measures modules other people write. Each is loaded here by path, so a module
// that has not landed yet turns its figures into "not measured: <reason>" instead of
// breaking the whole run (or the typecheck).

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface EtlApi {
  readSourceText(file: string, text: string): SourceDocument;
  buildGraph(sources: SourceDocument[]): { graph: GraphJson; findings: unknown[]; warnings: unknown[]; ms: number };
  listSeedFiles(): string[] | Promise<string[]>;
}

export interface StoreConfig {
  kind: 'memory' | 'neo4j';
  [key: string]: unknown;
}
export interface StoreApi {
  storeConfigFromEnv(env: NodeJS.ProcessEnv, overrides?: { kind?: 'memory' | 'neo4j'; dataDir?: string }): StoreConfig;
  createStore(config: StoreConfig): Promise<GraphStore>;
}

export interface ServerApi {
  createApp(options: { store: GraphStore }): import('node:http').RequestListener;
}

/** A loaded module, or the reason it could not be loaded. */
export type Loaded<T> = { ok: true; api: T } | { ok: false; reason: string };

async function load<T>(relFiles: string[], check: (m: Record<string, unknown>) => string | null): Promise<Loaded<T>> {
  const merged: Record<string, unknown> = {};
  for (const rel of relFiles) {
    const path = `${ROOT}${rel}`;
    if (!existsSync(path)) return { ok: false, reason: `${rel} does not exist yet` };
    try {
      Object.assign(merged, (await import(path)) as Record<string, unknown>);
    } catch (err) {
      return { ok: false, reason: `${rel} failed to load: ${(err as Error).message.split('\n')[0]}` };
    }
  }
  const missing = check(merged);
  return missing ? { ok: false, reason: missing } : { ok: true, api: merged as T };
}

function needs(...names: string[]): (m: Record<string, unknown>) => string | null {
  return (m) => {
    const absent = names.filter((n) => typeof m[n] !== 'function');
    return absent.length ? `missing export ${absent.join(', ')}` : null;
  };
}

export const loadEtl = () =>
  load<EtlApi>(['graph/etl/read-source.ts', 'graph/etl/build-graph.ts'], needs('readSourceText', 'buildGraph', 'listSeedFiles'));
export const loadStore = () => load<StoreApi>(['graph/store/create-store.ts'], needs('storeConfigFromEnv', 'createStore'));
export const loadServer = () => load<ServerApi>(['server/app.ts'], needs('createApp'));

/** Generic loader for optional modules whose exports are probed by the caller. */
export const loadModule = (rel: string, ...names: string[]) => load<Record<string, unknown>>([rel], needs(...names));
