import type { MatrixResponse } from './client.ts';

/**
 * Id list length per request, in URL characters. The matrix is a GET with the ids in the query, and
 * Node refuses a request line over 16 KB (431): a canvas of a few hundred tasks goes in batches.
 */
export const MAX_LIST_CHARS = 3000;

/** Split ids into runs whose encoded, comma-joined length stays under `max`; an empty list stays one empty run ("not given"). */
export function chunkIds(ids: readonly string[], max = MAX_LIST_CHARS): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const id of ids) {
    const l = encodeURIComponent(id).length + 3; // the encoded comma
    if (cur.length && len + l > max) { out.push(cur); cur = []; len = 0; }
    cur.push(id);
    len += l;
  }
  if (cur.length || out.length === 0) out.push(cur);
  return out;
}

/** One matrix from the answers for each batch: rows and columns in first-seen order, each pair once. */
export function mergeMatrices(parts: readonly MatrixResponse[]): MatrixResponse {
  const agencies = new Map<string, MatrixResponse['agencies'][number]>();
  const tasks = new Map<string, MatrixResponse['tasks'][number]>();
  const cells = new Map<string, MatrixResponse['cells'][number]>();
  for (const p of parts) {
    for (const a of p.agencies) if (!agencies.has(a.id)) agencies.set(a.id, a);
    for (const t of p.tasks) if (!tasks.has(t.id)) tasks.set(t.id, t);
    for (const c of p.cells) cells.set(`${c.agency}\n${c.task}`, c);
  }
  return { agencies: [...agencies.values()], tasks: [...tasks.values()], cells: [...cells.values()], truncated: parts.some((p) => p.truncated), limit: parts[0]?.limit ?? 0 };
}

/** Ask for the matrix in as many requests as the id lists need, and merge the answers. */
export async function batchedMatrix(agencies: readonly string[], tasks: readonly string[], one: (a: readonly string[], t: readonly string[]) => Promise<MatrixResponse>): Promise<MatrixResponse> {
  const aRuns = chunkIds(agencies);
  const tRuns = chunkIds(tasks);
  if (aRuns.length === 1 && tRuns.length === 1) return one(agencies, tasks);
  return mergeMatrices(await Promise.all(aRuns.flatMap((a) => tRuns.map((t) => one(a, t)))));
}
