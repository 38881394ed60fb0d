import { listSeedFiles } from '../etl/build-graph.ts';
import { readSourceFile } from '../etl/read-source.ts';
import type { SourceDocument } from '../etl/types.ts';

/** The given files, or every document in seeds/ when none are given. */
export async function readSources(files: readonly string[]): Promise<SourceDocument[]> {
  const paths = files.length > 0 ? [...files] : await listSeedFiles('seeds');
  return Promise.all(paths.map(readSourceFile));
}
