import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StoreUnavailableError } from '../errors.ts';

export const LOCK_FILE = 'write.lock';

const OwnerSchema = z.object({ pid: z.number().int(), host: z.string(), started: z.string(), command: z.string() });
export type LockOwner = z.infer<typeof OwnerSchema>;

export interface LockOptions {
  /** What this writer is, shown to a writer that has to wait ("kg ingest", "upload"). */
  command: string;
  /** How long to wait for another writer (default 0: fail at once). */
  waitMs?: number;
  /** Told once when this writer has to wait, with who holds the lock. */
  onWait?: (owner: LockOwner | null) => void;
}

export interface WriteLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    return OwnerSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Removes a stale lock, once. Writers that saw the same stale lock take turns on a second
 * lock file, and each removes the lock only if it still holds what it judged stale: without
 * this, a late one would remove the lock the first had just taken, and two would write.
 */
async function breakStale(path: string, seen: string | null): Promise<void> {
  const breaker = `${path}.break`;
  const fh = await open(breaker, 'wx').catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
    return null;
  });
  if (!fh) {
    // Held for a few milliseconds; one older than that was left by a writer killed while breaking.
    const st = await stat(breaker).catch(() => null);
    if (st && Date.now() - st.mtimeMs > 2000) await rm(breaker, { force: true });
    else await new Promise((r) => setTimeout(r, 10));
    return;
  }
  try {
    if ((await readFile(path, 'utf8').catch(() => null)) === seen) await rm(path, { force: true });
  } finally {
    await fh.close();
    await rm(breaker, { force: true });
  }
}

/** A lock whose owner is gone: same host and no such process, or unreadable and not fresh. */
async function isStale(path: string, owner: LockOwner | null): Promise<boolean> {
  if (owner) return owner.host === hostname() && !alive(owner.pid);
  // A kill between creating the file and writing the owner leaves it empty.
  const st = await stat(path).catch(() => null);
  return st !== null && Date.now() - st.mtimeMs > 2000;
}

export function describeOwner(owner: LockOwner | null): string {
  return owner ? `pid ${owner.pid} on ${owner.host} (${owner.command}, since ${owner.started})` : 'another process';
}

/**
 * One writer at a time per data dir, across processes: an exclusive-create lock file naming
 * its owner. A lock left by a killed process is taken over; a live one is waited for up to
 * `waitMs`, then the write is refused in one line.
 */
export async function acquireWriteLock(dataDir: string, options: LockOptions): Promise<WriteLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: options.command };
  // The nonce tells two locks of one process apart: release removes only its own.
  const text = JSON.stringify({ ...owner, nonce: randomBytes(6).toString('hex') });
  const deadline = Date.now() + (options.waitMs ?? 0);
  let told = false;
  let delay = 20;
  for (;;) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(text);
      } finally {
        await fh.close();
      }
      return { owner, release: () => releaseLock(path, text) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreUnavailableError(`cannot lock ${dataDir} for writing: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'check that the data directory is writable');
      }
    }
    const seen = await readFile(path, 'utf8').catch(() => null);
    const holder = parseOwner(seen);
    if (await isStale(path, holder)) {
      await breakStale(path, seen);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new StoreUnavailableError(`${dataDir} is being written by ${describeOwner(holder)}; nothing was changed`, 'try again when it has finished');
    }
    if (!told) {
      options.onWait?.(holder);
      told = true;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 250);
  }
}

async function releaseLock(path: string, text: string): Promise<void> {
  // Only our own lock: a lock taken over as stale belongs to its new owner.
  if ((await readFile(path, 'utf8').catch(() => null)) === text) await rm(path, { force: true });
}
