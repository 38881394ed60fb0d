import { Router } from 'express';
import { SearchQuerySchema, SearchResponseSchema } from '../../graph/api/index.ts';
import type { AppContext } from '../context.ts';
import { sendJson } from '../http/send.ts';
import { parseInput } from '../http/validate.ts';

export function searchRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/search', async (req, res) => {
    const q = parseInput(SearchQuerySchema, req.query, 'query');
    const result = await ctx.call((s) => s.search(q.q, { ...(q.types?.length ? { types: q.types } : {}), limit: q.limit }));
    sendJson(res, SearchResponseSchema, result);
  });
  return r;
}
