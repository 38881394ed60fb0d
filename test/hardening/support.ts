import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, type CorpusOptions } from '../../bench/synthetic/corpus.ts';
import { fileURLToPath } from 'node:url';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import { sortGraphJson } from '../../graph/model/index.ts';
import type { GraphStore } from '../../graph/store/types.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_FILES = ['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt'];

let seed: GraphJson | undefined;

/** The real ETL over the real seeds, once per test file. */
export function seedGraph(): GraphJson {
  seed ??= buildGraph(SEED_FILES.map((f) => readSourceText(f, readFileSync(`${ROOT}seeds/${f}`, 'utf8')))).graph;
  return seed;
}

/** A canonical text of the whole graph, to compare before and after. */
/** A synthetic corpus written into `dir`, one file per document; the paths, in order. */
export function writeCorpus(dir: string, options: CorpusOptions): string[] {
  return [...generateCorpus(options)].map((d) => {
    const path = join(dir, d.file);
    writeFileSync(path, d.text);
    return path;
  });
}

export async function exportText(store: GraphStore): Promise<string> {
  return JSON.stringify(sortGraphJson(await store.exportGraph()));
}

export interface Spawned {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed) and the output. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** A TypeScript entry point (CLI, server, fixture) in a child Node process. */
export function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}${script}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Waits for a line on the child's stdout matching `re`. */
export function waitForOutput(s: Spawned, re: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no output matching ${re} within ${timeoutMs} ms: ${seen.slice(-500)}`)), timeoutMs);
    s.child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = re.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    void s.done.then((r) => reject(new Error(`exited (${r.code ?? r.signal}) before ${re}: ${r.stderr.slice(-500)}`)));
  });
}

/** Resident set size of a process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

export interface RunningApp {
  base: string;
  close(): Promise<void>;
}

/** The real app (API only) over `store` on a loopback port, in this process. */
export async function startApp(store: GraphStore): Promise<RunningApp> {
  const { createApp } = await import('../../server/app.ts');
  const app = createApp({ store, options: { staticDir: null, log: () => undefined } });
  const server = await new Promise<import('node:http').Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** The seed graph in an in-memory store behind a real app, for the describe block it is called in. */
export function useSeededApp(): { store: MemoryGraphStore; app: RunningApp } {
  const running = {} as { store: MemoryGraphStore; app: RunningApp };
  beforeAll(async () => {
    running.store = new MemoryGraphStore(null);
    await running.store.loadGraph(seedGraph());
    running.app = await startApp(running.store);
  });
  afterAll(async () => {
    await running.app?.close();
    await running.store?.close();
  });
  return running;
}
