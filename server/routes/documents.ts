import { Router } from 'express';
import {
  ConsistencyResponseSchema,
  DocumentLinesParamsSchema,
  DocumentLinesQuerySchema,
  DocumentLinesResponseSchema,
  DocumentsResponseSchema,
  MAX_ELEMENTS,
} from '../../graph/api/index.ts';
import { NotFoundError } from '../../graph/store/errors.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/error-handler.ts';
import { sendJson } from '../http/send.ts';
import { parseInput } from '../http/validate.ts';

/** Lines returned when the caller gives only `from`. */
const DEFAULT_SPAN = 100;

export function documentRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/documents', async (_req, res) => {
    const all = await ctx.documents.get();
    sendJson(res, DocumentsResponseSchema, { documents: all.slice(0, MAX_ELEMENTS), truncated: all.length > MAX_ELEMENTS, limit: MAX_ELEMENTS });
  });
  r.get('/documents/:doc/lines', async (req, res) => {
    const { doc } = parseInput(DocumentLinesParamsSchema, req.params, 'params');
    const q = parseInput(DocumentLinesQuerySchema, req.query, 'query');
    const source = await ctx.sources.read(doc);
    if (!source) throw new NotFoundError('document', doc);
    const total = source.lines.length;
    if (q.from > total) throw new HttpError(400, 'bad_request', `from is past the end of the document (${total} lines)`, 'from');
    const to = Math.min(q.to ?? q.from + DEFAULT_SPAN - 1, total);
    const lines = source.lines.slice(q.from - 1, to).map((text, i) => ({ no: q.from + i, text }));
    sendJson(res, DocumentLinesResponseSchema, { doc, total, lines });
  });
  r.get('/consistency', async (_req, res) => {
    const report = await ctx.consistency.get();
    const truncated = [report.findings, report.warnings, report.rowDisagreements].some((l) => l.length > MAX_ELEMENTS);
    sendJson(res, ConsistencyResponseSchema, {
      findings: report.findings.slice(0, MAX_ELEMENTS),
      rowDisagreements: report.rowDisagreements.slice(0, MAX_ELEMENTS),
      warnings: report.warnings.slice(0, MAX_ELEMENTS),
      truncated,
      limit: MAX_ELEMENTS,
    });
  });
  return r;
}
