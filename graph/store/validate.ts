import type { GraphJson } from '../model/index.ts';
import { GraphJsonSchema } from '../model/index.ts';
import { InvalidInputError } from './errors.ts';
import { MAX_DEPTH } from './types.ts';

// Option checks shared by both stores, so the same bad input fails the same way.

function checkInt(value: number | undefined, fallback: number, min: number, max: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new InvalidInputError(`${field} must be an integer from ${min} to ${max}, got ${String(value)}`, field);
  return v;
}

export const checkDepth = (depth: number | undefined) => checkInt(depth, 1, 1, MAX_DEPTH, 'depth');
export const checkLimit = (limit: number | undefined, fallback: number) => checkInt(limit, fallback, 1, 1_000_000, 'limit');
export const checkMaxPaths = (max: number | undefined) => checkInt(max, 3, 1, 100, 'max');
export const checkMaxLength = (maxLength: number | undefined) => checkInt(maxLength, 6, 1, 12, 'maxLength');

export function checkQuery(query: string): string {
  const q = query.trim();
  if (!q) throw new InvalidInputError('search query is empty', 'q');
  return q;
}

/** Zod-validate Graph JSON at the store boundary; the first issue becomes the message. */
export function parseGraphJson(input: unknown, what = 'graph'): GraphJson {
  const parsed = GraphJsonSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidInputError(`invalid Graph JSON in ${what} at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}`, what);
}

/** Unique ids and edges that point at nodes of the same graph; returns the graph for chaining. */
export function checkReferences(graph: GraphJson): GraphJson {
  const nodes = new Set<string>();
  for (const n of graph.nodes) {
    if (nodes.has(n.id)) throw new InvalidInputError(`duplicate node id ${n.id}`, 'nodes');
    nodes.add(n.id);
  }
  const edges = new Set<string>();
  for (const e of graph.edges) {
    if (edges.has(e.id)) throw new InvalidInputError(`duplicate edge id ${e.id}`, 'edges');
    edges.add(e.id);
    for (const end of [e.source, e.target]) if (!nodes.has(end)) throw new InvalidInputError(`edge ${e.id} points at an unknown node (${end})`, 'edges');
  }
  return graph;
}
