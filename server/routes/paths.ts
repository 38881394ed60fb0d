import { Router } from 'express';
import { PathsQuerySchema, PathsResponseSchema } from '../../graph/api/index.ts';
import type { AppContext } from '../context.ts';
import { sendJson } from '../http/send.ts';
import { parseInput } from '../http/validate.ts';

export function pathRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/paths', async (req, res) => {
    const q = parseInput(PathsQuerySchema, req.query, 'query');
    const result = await ctx.call((s) => s.shortestPaths(q.from, q.to, { max: q.max }));
    sendJson(res, PathsResponseSchema, result);
  });
  return r;
}
