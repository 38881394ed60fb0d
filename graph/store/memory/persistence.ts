import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { GraphJsonSchema, type GraphJson } from '../../model/index.ts';
import { Commit, journalExists } from '../data-dir/commit.ts';
import { StoreUnavailableError } from '../errors.ts';
import type { DocumentReplacement } from '../types.ts';
import { graphJsonPieces, readSnapshot, SNAPSHOT_FILE } from './snapshot.ts';

/**
 * The embedded store on disk: a snapshot (graph.json) and, beside it, a log of the document
 * replacements made since (graph-log/<seq>.json, one per commit). A write appends its own
 * fragments instead of rewriting the whole graph; once the log is FOLD_RATIO times the snapshot,
 * the next write folds it into a new snapshot. Both go through one `Commit`, so a kill leaves either.
 */
export const LOG_DIR = 'graph-log';

/**
 * Folding writes the whole graph, so it must be rare: at 4× a fold writes at most 1.25 bytes
 * per byte logged since the last one, while opening replays at most four snapshots' worth of log
 * (a replay costs about what loading the same bytes of snapshot does).
 */
const FOLD_RATIO = 4;

const SegmentSchema = z.object({
  version: z.literal(1),
  replaces: z.array(z.object({ doc: z.string().min(1), fragment: GraphJsonSchema })),
});

/** What is on disk: sizes decide when the log is folded into the snapshot. */
export interface DiskState {
  snapshotBytes: number;
  logBytes: number;
  segments: string[];
  nextSeq: number;
  /** Changes whenever another process commits: the snapshot's identity and the log's names. */
  stamp: string;
}

export const EMPTY_DISK: DiskState = { snapshotBytes: 0, logBytes: 0, segments: [], nextSeq: 1, stamp: '' };

export type PendingWrite = { kind: 'load' } | { kind: 'replace'; batch: DocumentReplacement[] };

const segmentName = (seq: number) => `${String(seq).padStart(9, '0')}.json`;

async function listSegments(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, LOG_DIR)).catch(() => [] as string[]);
  return names.filter((n) => /^\d{9}\.json$/.test(n)).sort();
}

export async function diskStamp(dataDir: string): Promise<string> {
  const st = await stat(join(dataDir, SNAPSHOT_FILE)).catch(() => null);
  const snap = st ? `${st.size}:${st.mtimeMs}:${st.ino}` : '-';
  return `${snap}|${(await listSegments(dataDir)).join(',')}`;
}

export interface Persisted {
  snapshot: GraphJson | null;
  replaces: DocumentReplacement[];
  disk: DiskState;
}

/**
 * Reads the snapshot and the log as one version. Readers take no lock, so a commit may land
 * while they read: the read is repeated until the dir was the same before and after it.
 */
export async function readPersisted(dataDir: string): Promise<Persisted> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= 40;
    if (!last && (await journalExists(dataDir))) {
      await new Promise((r) => setTimeout(r, 50)); // a commit is being applied
      continue;
    }
    const before = await diskStamp(dataDir);
    let result: Persisted;
    try {
      result = await readOnce(dataDir, before);
    } catch (err) {
      if (!last && (err as NodeJS.ErrnoException).code === 'ENOENT') continue; // folded away while read
      throw err;
    }
    if (last || (before === (await diskStamp(dataDir)) && !(await journalExists(dataDir)))) return result;
  }
}

async function readOnce(dataDir: string, stamp: string): Promise<Persisted> {
  const path = join(dataDir, SNAPSHOT_FILE);
  const snapshot = await readSnapshot(path);
  const snapshotBytes = (await stat(path).catch(() => null))?.size ?? 0;
  const segments = await listSegments(dataDir);
  const replaces: DocumentReplacement[] = [];
  let logBytes = 0;
  for (const name of segments) {
    const file = join(dataDir, LOG_DIR, name);
    const text = await readFile(file, 'utf8');
    logBytes += Buffer.byteLength(text);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new StoreUnavailableError(`graph log ${file} is not valid JSON (${(err as Error).message}); the file was kept`);
    }
    const parsed = SegmentSchema.safeParse(raw);
    if (!parsed.success) throw new StoreUnavailableError(`graph log ${file} is not a log segment (${parsed.error.issues[0]?.message}); the file was kept`);
    replaces.push(...parsed.data.replaces);
  }
  const nextSeq = segments.length > 0 ? Number(segments.at(-1)!.slice(0, 9)) + 1 : 1;
  return { snapshot, replaces, disk: { snapshotBytes, logBytes, segments, nextSeq, stamp } };
}

/**
 * Stages `pending` into `tx`: one log segment, or a new snapshot of `graph()` (dropping the
 * log) after a whole-graph load or when the log would outgrow the snapshot. Returns the disk
 * state once the commit is made (its stamp is filled in after).
 */
export async function stageWrites(tx: Commit, disk: DiskState, pending: readonly PendingWrite[], graph: () => GraphJson): Promise<DiskState> {
  const replaces = pending.flatMap((p) => (p.kind === 'replace' ? p.batch : []));
  const segment = pending.some((p) => p.kind === 'load') ? null : JSON.stringify({ version: 1, replaces });
  const segmentBytes = segment === null ? 0 : Buffer.byteLength(segment);
  if (segment !== null && replaces.length === 0) return disk;
  if (segment !== null && disk.logBytes + segmentBytes <= FOLD_RATIO * disk.snapshotBytes) {
    const name = segmentName(disk.nextSeq);
    await tx.stage(join(LOG_DIR, name), segment);
    return { ...disk, logBytes: disk.logBytes + segmentBytes, segments: [...disk.segments, name], nextSeq: disk.nextSeq + 1 };
  }
  const snapshotBytes = await tx.stage(SNAPSHOT_FILE, graphJsonPieces(graph()));
  for (const s of disk.segments) tx.stageDelete(join(LOG_DIR, s));
  return { ...disk, snapshotBytes, logBytes: 0, segments: [], nextSeq: disk.nextSeq };
}
