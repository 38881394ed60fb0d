import { z } from 'zod';
import { EDGE_TYPES, NODE_TYPES } from '../model/ids.ts';
import { GraphEdgeSchema, GraphNodeSchema } from '../model/index.ts';

/** Query-string lists arrive as "A,B" (or repeated keys); both parse to a validated array. */
function csvOf<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v.flatMap((s) => s.split(',')) : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));
}
export const NodeTypeListSchema = csvOf(NODE_TYPES).describe(`comma-separated node types: ${NODE_TYPES.join(', ')}`);
export const EdgeTypeListSchema = csvOf(EDGE_TYPES).describe(`comma-separated edge types: ${EDGE_TYPES.join(', ')}`);

/** Comma-separated node ids (ids never contain commas: see model/ids.ts). */
export const IdListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v.flatMap((s) => s.split(',')) : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(1).max(300)).max(5000))
  .describe('comma-separated node ids (at most 5,000)');

export const MAX_ELEMENTS = 5000;

export const SubgraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  truncated: z.boolean(),
  limit: z.number().int(),
});
export type SubgraphResponse = z.infer<typeof SubgraphSchema>;

/** Every error body: what went wrong, and for bad input which field. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(['bad_request', 'forbidden', 'not_found', 'conflict', 'unavailable', 'timeout', 'payload_too_large', 'internal']),
    message: z.string(),
    field: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
