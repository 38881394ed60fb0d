import { readdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { readSourceFile } from '../graph/etl/read-source.ts';
import type { SourceDocument } from '../graph/etl/types.ts';
import { DocFileSchema } from '../graph/api/index.ts';

/** Where the API reads source texts from (seeds/ and data/sources/ by default). */
export interface SourceProvider {
  /** File names, each valid under DocFileSchema; the first folder wins on duplicates. */
  listFiles(): Promise<string[]>;
  /** The document, or undefined when no folder holds that file name. */
  read(file: string): Promise<SourceDocument | undefined>;
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && DocFileSchema.safeParse(e.name).success).map((e) => e.name);
  } catch (err) {
    // A folder that does not exist yet (data/sources before the first ingest) holds nothing.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Resolves `file` inside `dir`, or undefined if the result would escape it. */
export function safeJoin(dir: string, file: string): string | undefined {
  if (!DocFileSchema.safeParse(file).success) return undefined;
  const root = resolve(dir);
  const full = resolve(root, file);
  return full.startsWith(root + sep) ? full : undefined;
}

export function createFolderSources(dirs: readonly string[]): SourceProvider {
  return {
    async listFiles() {
      const seen = new Set<string>();
      for (const dir of dirs) for (const f of await filesIn(dir)) seen.add(f);
      return [...seen].sort();
    },
    async read(file) {
      for (const dir of dirs) {
        const full = safeJoin(dir, file);
        if (!full) return undefined;
        try {
          return await readSourceFile(full);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code !== 'ENOENT' && code !== 'EISDIR') throw err;
        }
      }
      return undefined;
    },
  };
}
