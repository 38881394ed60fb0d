import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GraphJson } from '../../model/index.ts';
import { GraphJsonSchema } from '../../model/index.ts';
import { StoreUnavailableError } from '../errors.ts';

export const SNAPSHOT_FILE = 'graph.json';

/**
 * JSON.stringify(graph) in pieces of a few thousand items: the snapshot of a large graph would
 * otherwise be one string of hundreds of megabytes (two bytes a character once it holds Chinese).
 */
export function* graphJsonPieces(graph: GraphJson, itemsPerPiece = 4000): Generator<string> {
  for (const [key, list] of [['nodes', graph.nodes], ['edges', graph.edges]] as const) {
    yield key === 'nodes' ? '{"nodes":[' : '],"edges":[';
    for (let i = 0; i < list.length; i += itemsPerPiece) {
      const piece = JSON.stringify(list.slice(i, i + itemsPerPiece));
      yield (i > 0 ? ',' : '') + piece.slice(1, -1);
    }
  }
  yield ']}';
}

export function snapshotPath(dataDir: string): string {
  return join(dataDir, SNAPSHOT_FILE);
}

/**
 * Write the snapshot atomically: a temp file in the same directory, flushed to disk, then
 * renamed over the old one. A crash at any point leaves either the old file or the new one.
 */
export async function writeSnapshot(path: string, graph: GraphJson): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(JSON.stringify(graph));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new StoreUnavailableError(`could not write the snapshot ${path}: ${(err as Error).message}`, 'check that the data directory is writable');
  }
}

/**
 * Read and validate the snapshot; null when there is none. A corrupt file is refused with a
 * message saying where and why, and left on disk untouched so nothing is lost.
 */
export async function readSnapshot(path: string): Promise<GraphJson | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreUnavailableError(`could not read the snapshot ${path}: ${(err as Error).message}`);
  }
  const hint = 'the file was kept; restore it, delete it, or rebuild it with `npm run kg -- etl`';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StoreUnavailableError(`snapshot ${path} is not valid JSON (${(err as Error).message}); ${hint}`, hint);
  }
  const parsed = GraphJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreUnavailableError(`snapshot ${path} is not Graph JSON (at ${issue?.path.join('.') || '(root)'}: ${issue?.message}); ${hint}`, hint);
  }
  return parsed.data;
}
