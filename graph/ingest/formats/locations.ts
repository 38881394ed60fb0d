import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Evidence, GraphJson } from '../../model/index.ts';
import { writeAtomic } from '../library-io.ts';

/** Where in the original file a stored line came from: a PDF page, or a sheet and row. */
export const LineLocationSchema = z.union([
  z.object({ page: z.number().int().min(1) }),
  z.object({ sheet: z.string().min(1), row: z.number().int().min(1) }),
]);
export type LineLocation = z.infer<typeof LineLocationSchema>;

/** 1-based stored line → its location; lines not in the map (header, blank) have none. */
export type LineLocations = Map<number, LineLocation>;

const SideMapSchema = z.object({ version: z.literal(1), lines: z.array(z.tuple([z.number().int().min(1), LineLocationSchema])) });

/** The side map's path: next to the stored text, so it goes wherever the text goes. */
export function locationsPath(sourcesDir: string, file: string): string {
  return join(sourcesDir, `${file}.locations.json`);
}

/** Writes the side map of a stored document, or removes a stale one when it has none. */
export async function writeLocations(sourcesDir: string, file: string, locations: LineLocations | undefined): Promise<void> {
  const path = locationsPath(sourcesDir, file);
  if (!locations || locations.size === 0) return rm(path, { force: true });
  // The first document of a fresh data dir may come before the sources folder exists.
  await mkdir(sourcesDir, { recursive: true });
  await writeAtomic(path, JSON.stringify({ version: 1, lines: [...locations] }) + '\n');
}

export async function readLocations(sourcesDir: string, file: string): Promise<LineLocations | undefined> {
  const text = await readFile(locationsPath(sourcesDir, file), 'utf8').catch(() => null);
  if (text === null) return undefined;
  const parsed = SideMapSchema.safeParse(JSON.parse(text));
  return parsed.success ? new Map(parsed.data.lines) : undefined;
}

/** Adds page or sheet/row to every evidence item of `doc` whose line the side map knows. */
export function annotateEvidence(graph: GraphJson, doc: string, locations: LineLocations | undefined): void {
  if (!locations || locations.size === 0) return;
  const visit = (list: Evidence[]) => {
    for (const e of list) {
      if (e.doc !== doc) continue;
      const at = locations.get(e.line);
      if (at) Object.assign(e, at);
    }
  };
  for (const n of graph.nodes) visit(n.evidence);
  for (const x of graph.edges) visit(x.evidence);
}
