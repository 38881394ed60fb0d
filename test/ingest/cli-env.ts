import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { S000, S004, rebuild, seedSource } from './helpers.ts';

/** One test's data dir with the seeds loaded, and what the CLI printed to stdout and stderr. */
export interface CliEnv {
  dir: string;
  before: GraphJson;
  out: string[];
  err: string[];
}

/**
 * Before each test: a fresh data dir holding the seeds' graph, console.log / console.error
 * captured; after it, both restored and the dir removed. `use` receives each test's env.
 */
export function useCliEnv(prefix: string, use: (env: CliEnv) => void): void {
  let dir = '';
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    const store = await MemoryGraphStore.open(dir);
    const before = rebuild(seedSource(S000), seedSource(S004));
    await store.loadGraph(before);
    await store.close();
    const env: CliEnv = { dir, before, out: [], err: [] };
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void env.out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void env.err.push(a.join(' ')));
    use(env);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The flags that point a command at the env's embedded store. */
export function storeFlags(dir: string): string[] {
  return ['--store', 'memory', '--data', dir];
}

/** The graph stored in `dir` now. */
export async function storedGraph(dir: string): Promise<GraphJson> {
  const store = await MemoryGraphStore.open(dir);
  const g = await store.exportGraph();
  await store.close();
  return g;
}
