import { commitTogether, recoverDataDir, StagedFiles, type CommitParticipant } from '../store/data-dir/commit.ts';
import { acquireWriteLock, describeOwner } from '../store/data-dir/write-lock.ts';
import { MemoryGraphStore } from '../store/memory/memory-store.ts';
import type { GraphStore } from '../store/types.ts';
import type { SourceLibrary } from './library.ts';

export interface DataWriteOptions {
  dataDir: string;
  store: GraphStore;
  library: SourceLibrary;
  /** Who is writing, shown to a writer that has to wait ("kg ingest", "upload"). */
  command: string;
  /** How long to wait for another writer before refusing (default 60 s). */
  waitMs?: number;
  /** Told once when this writer waits for another. */
  onWait?: (message: string) => void;
}

export interface DataWrite {
  /** Commits the graph, library and sources written so far, as one: all or nothing. */
  commit(): Promise<void>;
  /** A whole file of the data dir (merge-rules.json) that goes to disk in the next commit with the rest. */
  stageFile(rel: string, text: string): void;
}

/**
 * One write to a data dir: the lock (one writer at a time across processes), an interrupted
 * commit finished or rolled back, the graph and library re-read so another process's committed
 * work is kept, then `fn`; what `fn` wrote is committed together when it calls `commit()` and
 * at its end. If `fn` throws, what was not committed is rolled back.
 */
export async function withDataWrite<T>(options: DataWriteOptions, fn: (write: DataWrite) => Promise<T>): Promise<T> {
  const { dataDir, store, library } = options;
  const lock = await acquireWriteLock(dataDir, {
    command: options.command,
    waitMs: options.waitMs ?? 60_000,
    onWait: (owner) => options.onWait?.(`waiting for ${describeOwner(owner)} to finish writing ${dataDir}…`),
  });
  try {
    await recoverDataDir(dataDir);
    const memory = store instanceof MemoryGraphStore && store.dataDir ? store : null;
    if (memory) await memory.reloadIfChanged();
    await library.refresh();
    const files = new StagedFiles();
    const parts: (CommitParticipant & { end(): void })[] = [...(memory ? [memory.deferWrites()] : []), library.deferWrites(), files];
    const write: DataWrite = { commit: () => commitTogether(dataDir, parts), stageFile: (rel, text) => files.set(rel, text) };
    try {
      const result = await fn(write);
      await write.commit();
      return result;
    } catch (err) {
      for (const p of parts) await p.rolledBack();
      throw err;
    } finally {
      for (const p of parts) p.end();
    }
  } finally {
    await lock.release();
  }
}
