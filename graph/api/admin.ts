import { z } from 'zod';

// POST /api/admin/reload — only when the server was started with ADMIN_TOKEN; it writes nothing,
// it re-reads what the CLI wrote (the embedded store's snapshot) and drops derived caches.
export const AdminReloadResponseSchema = z.object({
  reloaded: z.boolean().describe('false when the store has nothing to re-read (e.g. Neo4j, which is always current)'),
  totalNodes: z.number().int(),
  totalEdges: z.number().int(),
});
export type AdminReloadResponse = z.infer<typeof AdminReloadResponseSchema>;
