import { rename, rm, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { StoreUnavailableError } from '../store/errors.ts';

/** Temp file in the same directory, then rename: readers see the old file or the new one. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * A JSON file of the data dir read against its schema; a damaged one is refused in one line
 * naming the file, and left as it is so nothing is lost.
 */
export function parseJsonFile<T>(path: string, text: string, schema: z.ZodType<T>, what: string): T {
  const hint = 'the file was kept; restore it or move it away';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StoreUnavailableError(`${path} is not valid JSON (${(err as Error).message}); ${hint}`, hint);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreUnavailableError(`${path} is not ${what} (at ${issue?.path.join('.') || '(root)'}: ${issue?.message}); ${hint}`, hint);
  }
  return parsed.data;
}
