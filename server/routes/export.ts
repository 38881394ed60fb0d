import { Router } from 'express';
import { ExportBodySchema, MAX_ELEMENTS } from '../../graph/api/index.ts';
import { renderExport } from '../../graph/export/index.ts';
import { viewOfExport } from '../../graph/export/view.ts';
import { NotFoundError } from '../../graph/store/errors.ts';
import type { Subgraph } from '../../graph/store/types.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/error-handler.ts';
import { parseInput } from '../http/validate.ts';

/**
 * A file download, so the cap outcome travels in headers: X-Truncated and X-Limit, plus the
 * element counts and X-Missing-Count (ids not in the graph), so a client can warn that the file
 * holds only part of what was asked.
 */
export function exportRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post('/export', async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(400, 'bad_request', 'send a JSON body with Content-Type: application/json', 'body');
    const body = parseInput(ExportBodySchema, req.body, 'body');
    let sub: Subgraph;
    let missing = 0;
    if (body.ids) {
      const ids = body.ids;
      sub = await ctx.call((s) => s.subgraph(ids, { limit: MAX_ELEMENTS }));
      if (sub.nodes.length === 0 && ids.length > 0) throw new NotFoundError('node', ids[0] ?? '');
      // Unknown ids are left out of the file; say how many, so the omission is not silent.
      const found = new Set(sub.nodes.map((n) => n.id));
      if (!sub.truncated) missing = new Set(ids.filter((id) => !found.has(id))).size;
    } else {
      const q = body.query;
      if (!q) throw new Error('unreachable: schema requires ids or query');
      sub = await ctx.call((s) =>
        s.neighbors(q.neighborsOf, {
          depth: q.depth,
          limit: MAX_ELEMENTS,
          ...(q.nodeTypes?.length ? { nodeTypes: q.nodeTypes } : {}),
          ...(q.edgeTypes?.length ? { edgeTypes: q.edgeTypes } : {}),
        }),
      );
    }
    // With the on-screen view, the file holds the drawn edges only, each with its look.
    const view = body.view && body.ids ? viewOfExport(body.ids, body.view) : null;
    if (view) sub = { ...sub, edges: sub.edges.filter((e) => view.edgeIds.has(e.id)) };
    const file = renderExport(body.format, { nodes: sub.nodes, edges: sub.edges }, body.name ?? 'policy-graph', view?.viz);
    const ascii = file.filename.replace(/[^\w.-]/g, '_');
    res.set({
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'X-Truncated': String(sub.truncated),
      'X-Limit': String(sub.limit),
      'X-Node-Count': String(sub.nodes.length),
      'X-Edge-Count': String(sub.edges.length),
      'X-Missing-Count': String(missing),
      'Access-Control-Expose-Headers': 'X-Truncated, X-Limit, X-Node-Count, X-Edge-Count, X-Missing-Count, Content-Disposition',
    });
    res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  });
  return r;
}
