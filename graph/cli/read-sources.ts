import { listSeedFiles } from '../etl/build-graph.ts';
import { readSourceFile } from '../etl/read-source.ts';
import type { SourceDocument } from '../etl/types.ts';
import { InvalidInputError } from '../store/errors.ts';

/** The given files, or every document in seeds/ when none are given. */
export async function readSources(files: readonly string[]): Promise<SourceDocument[]> {
  const paths = files.length > 0 ? [...files] : await listSeedFiles('seeds');
  return Promise.all(paths.map(readOne));
}

/** A file that cannot be read is the caller's to fix: say which and why, in one line. */
async function readOne(path: string): Promise<SourceDocument> {
  try {
    return await readSourceFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file (use kg ingest for folders)' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InvalidInputError(`cannot read ${path}: ${why}`, 'files');
  }
}
