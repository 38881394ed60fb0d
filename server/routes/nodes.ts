import { Router } from 'express';
import { NeighborsQuerySchema, NeighborsResponseSchema, NodeParamsSchema, NodeResponseSchema } from '../../graph/api/index.ts';
import type { AppContext } from '../context.ts';
import { sendJson } from '../http/send.ts';
import { parseInput } from '../http/validate.ts';

export function nodeRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/nodes/:id', async (req, res) => {
    const { id } = parseInput(NodeParamsSchema, req.params, 'params');
    const [node, degree] = await ctx.call((s) => Promise.all([s.getNode(id), s.degree(id)]));
    sendJson(res, NodeResponseSchema, { node, degree });
  });
  r.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseInput(NodeParamsSchema, req.params, 'params');
    const q = parseInput(NeighborsQuerySchema, req.query, 'query');
    const sub = await ctx.call((s) =>
      s.neighbors(id, {
        depth: q.depth,
        limit: q.limit,
        ...(q.nodeTypes?.length ? { nodeTypes: q.nodeTypes } : {}),
        ...(q.edgeTypes?.length ? { edgeTypes: q.edgeTypes } : {}),
      }),
    );
    sendJson(res, NeighborsResponseSchema, sub);
  });
  return r;
}
