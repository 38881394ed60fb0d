import { timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { AdminReloadResponseSchema } from '../../graph/api/admin.ts';
import type { AppContext } from '../context.ts';
import { apiNotFound } from '../http/error-handler.ts';
import { sendJson } from '../http/send.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Admin routes exist only when a token is configured. A wrong or missing token gets the same
 * JSON 404 as a disabled route, so the API does not advertise it.
 */
export function adminRoutes(ctx: AppContext, token: string, reload: () => Promise<boolean>): Router {
  const r = Router();
  const guard: RequestHandler = (req, res, next) => {
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (sameSecret(given, token)) next();
    else apiNotFound(req, res, next);
  };
  r.post('/admin/reload', guard, async (_req, res) => {
    const reloaded = await ctx.call(() => reload());
    ctx.invalidate();
    const c = await ctx.call((s) => s.counts());
    sendJson(res, AdminReloadResponseSchema, { reloaded, totalNodes: c.totalNodes, totalEdges: c.totalEdges });
  });
  return r;
}
