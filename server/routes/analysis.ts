import { Router } from 'express';
import {
  MAX_ELEMENTS,
  MatrixQuerySchema,
  MatrixResponseSchema,
  TraceQuerySchema,
  TraceResponseSchema,
  WorkloadQuerySchema,
  WorkloadResponseSchema,
} from '../../graph/api/index.ts';
import { computeMatrix } from '../../graph/analysis/matrix.ts';
import type { AppContext } from '../context.ts';
import { sendJson } from '../http/send.ts';
import { parseInput } from '../http/validate.ts';
import { technologyIndexCache, technologyRoutes } from './technologies.ts';

export function analysisRoutes(ctx: AppContext): Router {
  const r = Router();
  const technologies = technologyIndexCache(ctx);
  r.use(technologyRoutes(ctx, technologies));
  r.get('/analysis/workload', async (req, res) => {
    const q = parseInput(WorkloadQuerySchema, req.query, 'query');
    const list = await ctx.call((s) => s.workload({ ...(q.level ? { level: q.level } : {}), ...(q.doc ? { doc: q.doc } : {}) }));
    sendJson(res, WorkloadResponseSchema, { agencies: list.slice(0, MAX_ELEMENTS), truncated: list.length > MAX_ELEMENTS, limit: MAX_ELEMENTS });
  });
  r.get('/analysis/trace', async (req, res) => {
    const q = parseInput(TraceQuerySchema, req.query, 'query');
    const result = await ctx.call((s) => s.trace(q.technology, { limit: MAX_ELEMENTS }));
    const { breadth } = await technologies.get();
    const tasks = new Set(result.agencies.flatMap((a) => a.tasks.map((t) => t.id)));
    sendJson(res, TraceResponseSchema, { ...result, breadth: Object.fromEntries([...tasks].sort().map((id) => [id, breadth.get(id) ?? 0])) });
  });
  r.get('/analysis/matrix', async (req, res) => {
    const q = parseInput(MatrixQuerySchema, req.query, 'query');
    const request = { ...(q.agencies?.length ? { agencies: q.agencies } : {}), ...(q.tasks?.length ? { tasks: q.tasks } : {}) };
    const result = await ctx.call((s) => computeMatrix(s, request, MAX_ELEMENTS));
    sendJson(res, MatrixResponseSchema, result);
  });
  return r;
}
