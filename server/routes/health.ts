import { Router } from 'express';
import { HealthResponseSchema } from '../../graph/api/index.ts';
import type { AppContext } from '../context.ts';
import { sendJson } from '../http/send.ts';

export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const counts = await ctx.call((s) => s.counts());
    sendJson(res, HealthResponseSchema, {
      ok: true,
      store: ctx.store.kind,
      version: ctx.version,
      counts: { nodes: { ...counts.nodes }, edges: { ...counts.edges }, totalNodes: counts.totalNodes, totalEdges: counts.totalEdges },
    });
  });
  return r;
}
