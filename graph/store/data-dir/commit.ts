import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { StoreUnavailableError } from '../errors.ts';

/** The commit record: while it exists, the renames and deletions it names are what the data dir holds. */
export const JOURNAL_FILE = 'commit.json';
const TEMP_SUFFIX = '.tmp';

const JournalSchema = z.object({
  version: z.literal(1),
  /** [temp, final] paths relative to the data dir. */
  renames: z.array(z.tuple([z.string(), z.string()])),
  deletes: z.array(z.string()),
});
type Journal = z.infer<typeof JournalSchema>;

/** What a file is written from: whole, or in pieces so a large file never sits in memory as one string. */
export type FileData = string | Uint8Array | Iterable<string>;

/** Writes and flushes `data`; returns the bytes written. */
async function writeSynced(path: string, data: FileData): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const fh = await open(path, 'w');
  try {
    let bytes = 0;
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await fh.writeFile(data);
      bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    } else {
      for (const piece of data) bytes += (await fh.write(piece)).bytesWritten;
    }
    await fh.sync();
    return bytes;
  } finally {
    await fh.close();
  }
}

/** A directory entry survives a power cut only once the directory itself is flushed. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => null);
  if (!fh) return;
  await fh.sync().catch(() => undefined);
  await fh.close();
}

/**
 * One all-or-nothing change to files of a data dir. Every new file is first written beside its
 * final name; then a journal naming all of them is renamed into place (the commit point); then
 * the renames and deletions are made and the journal goes. A kill before the journal leaves only
 * temp files (removed by `recoverDataDir`); a kill after it is finished by `recoverDataDir`.
 */
export class Commit {
  private readonly id = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly staged = new Map<string, string>();
  private readonly deletes = new Set<string>();
  private readonly after: (() => Promise<void> | void)[] = [];

  constructor(readonly dataDir: string) {}

  get empty(): boolean {
    return this.staged.size === 0 && this.deletes.size === 0;
  }

  /** Writes `data` beside `rel` now (returns its bytes); it becomes `rel` when the commit is made. */
  async stage(rel: string, data: FileData): Promise<number> {
    const tmp = `${rel}.${this.id}${TEMP_SUFFIX}`;
    this.deletes.delete(rel);
    this.staged.set(rel, tmp);
    try {
      return await writeSynced(join(this.dataDir, tmp), data);
    } catch (err) {
      throw new StoreUnavailableError(`could not write ${join(this.dataDir, rel)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'check that the data directory is writable');
    }
  }

  /** Runs once the commit is made (not when it is aborted). */
  onCommitted(fn: () => Promise<void> | void): void {
    this.after.push(fn);
  }

  stageDelete(rel: string): void {
    if (this.staged.has(rel)) return;
    this.deletes.add(rel);
  }

  async commit(): Promise<void> {
    if (this.empty) return;
    const journal: Journal = { version: 1, renames: [...this.staged].map(([rel, tmp]) => [tmp, rel]), deletes: [...this.deletes] };
    const tmp = `${JOURNAL_FILE}.${this.id}${TEMP_SUFFIX}`;
    try {
      await writeSynced(join(this.dataDir, tmp), JSON.stringify(journal));
      await rename(join(this.dataDir, tmp), join(this.dataDir, JOURNAL_FILE));
      await syncDir(this.dataDir);
    } catch (err) {
      await this.abort();
      await rm(join(this.dataDir, tmp), { force: true }).catch(() => undefined);
      throw new StoreUnavailableError(`could not commit to ${this.dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'check that the data directory is writable');
    }
    // Past the commit point: what is left undone here the next writer finishes.
    await applyJournal(this.dataDir, journal);
    this.staged.clear();
    this.deletes.clear();
    for (const fn of this.after.splice(0)) await fn();
  }

  /** Drops the staged files; the data dir is as before. */
  async abort(): Promise<void> {
    await Promise.all([...this.staged.values()].map((tmp) => rm(join(this.dataDir, tmp), { force: true }).catch(() => undefined)));
    this.staged.clear();
    this.deletes.clear();
    this.after.length = 0;
  }
}

async function applyJournal(dataDir: string, journal: Journal): Promise<void> {
  for (const [tmp, rel] of journal.renames) {
    try {
      await rename(join(dataDir, tmp), join(dataDir, rel));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // ENOENT: renamed before a kill
    }
  }
  for (const rel of journal.deletes) await rm(join(dataDir, rel), { force: true });
  const dirs = new Set(journal.renames.map(([, rel]) => dirname(join(dataDir, rel))));
  for (const d of dirs) await syncDir(d);
  await rm(join(dataDir, JOURNAL_FILE), { force: true });
}

export function journalExists(dataDir: string): Promise<boolean> {
  return readFile(join(dataDir, JOURNAL_FILE)).then(
    () => true,
    () => false,
  );
}

export interface Recovery {
  /** A commit a kill interrupted after its commit point, now finished. */
  finished: boolean;
  /** Temp files of writes that never reached their commit point, now removed. */
  removedTemps: number;
}

/**
 * Run by a writer holding the lock, before it reads: finishes an interrupted commit and
 * removes the temp files of interrupted ones, so the dir holds exactly what was committed.
 */
export async function recoverDataDir(dataDir: string, subdirs: readonly string[] = ['sources', 'graph-log']): Promise<Recovery> {
  const out: Recovery = { finished: false, removedTemps: 0 };
  const text = await readFile(join(dataDir, JOURNAL_FILE), 'utf8').catch(() => null);
  if (text !== null) {
    const parsed = JournalSchema.safeParse((() => { try { return JSON.parse(text) as unknown; } catch { return null; } })());
    if (!parsed.success) throw new StoreUnavailableError(`${join(dataDir, JOURNAL_FILE)} is not a commit record; the file was kept`, 'move it away to start over from the committed files');
    await applyJournal(dataDir, parsed.data);
    out.finished = true;
  }
  for (const dir of ['.', ...subdirs]) {
    const names = await readdir(join(dataDir, dir)).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      await rm(join(dataDir, dir, name), { force: true });
      out.removedTemps++;
    }
  }
  return out;
}

/** A holder of changes made in memory that go to disk in someone else's commit. */
export interface CommitParticipant {
  /** Stage what changed since the last commit. */
  prepare(tx: Commit): Promise<void>;
  /** The commit was made: what was staged is now the committed state. */
  committed(): Promise<void> | void;
  /** The commit failed: return to the last committed state. */
  rolledBack(): Promise<void> | void;
}

/** Stages every participant's changes and commits them as one; on failure all roll back. */
export async function commitTogether(dataDir: string, participants: readonly CommitParticipant[]): Promise<void> {
  const tx = new Commit(dataDir);
  try {
    for (const p of participants) await p.prepare(tx);
    await tx.commit();
  } catch (err) {
    await tx.abort();
    for (const p of participants) await p.rolledBack();
    throw err;
  }
  for (const p of participants) await p.committed();
}

/** Whole files (a rules file) that go to disk in the same commit as the graph and the library. */
export class StagedFiles implements CommitParticipant {
  private readonly files = new Map<string, string>();

  /** `text` becomes `rel` (relative to the data dir) at the next commit; a later set wins. */
  set(rel: string, text: string): void {
    this.files.set(rel, text);
  }

  async prepare(tx: Commit): Promise<void> {
    for (const [rel, text] of this.files) await tx.stage(rel, text);
  }

  committed(): void {
    this.files.clear();
  }

  rolledBack(): void {
    this.files.clear();
  }

  /** The write is over: what was never committed is dropped. */
  end(): void {
    this.files.clear();
  }
}
