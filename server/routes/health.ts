import { Router } from 'express';
import { HealthResponseSchema } from '../../graph/api/index.ts';
import type { AppContext } from '../context.ts';
import { withTimeout } from '../http/timeout.ts';
import { sendJson } from '../http/send.ts';

/**
 * Health answers within a second whatever the store does: a monitor must learn of an outage
 * from a quick 503, not from its own timeout. A revision check before it may take up to 0.15 s (Neo4j), 0.5 s for a store without a deadline of its own.
 */
export const HEALTH_TIMEOUT_MS = 500;

export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const counts = await withTimeout(ctx.call((s) => s.counts()), HEALTH_TIMEOUT_MS);
    sendJson(res, HealthResponseSchema, {
      ok: true,
      store: ctx.store.kind,
      version: ctx.version,
      counts: { nodes: { ...counts.nodes }, edges: { ...counts.edges }, totalNodes: counts.totalNodes, totalEdges: counts.totalEdges },
    });
  });
  return r;
}
