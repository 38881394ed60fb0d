import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { listDocuments, removeLoadedDocument, resolveDocument } from '../../graph/ingest/documents-list.ts';
import { ingestInputs } from '../../graph/ingest/ingest.ts';
import type { SourceLibrary } from '../../graph/ingest/library.ts';
import { confirmMergeAction, listMergeCandidates, rejectMergeAction } from '../../graph/ingest/merge-actions.ts';
import { loadMergeRules } from '../../graph/ingest/merge-rules.ts';
import { NotFoundError } from '../../graph/store/errors.ts';
import type { GraphStore } from '../../graph/store/types.ts';
import { HttpError } from '../http/error-handler.ts';

export interface UploadRouterOptions {
  store: GraphStore;
  library: SourceLibrary;
  /** ALLOW_UPLOADS=1: without it no route here writes anything, and the write routes do not exist. */
  enabled: boolean;
  /** Where documents.json and merge-rules.json live (default: the library's data dir). */
  dataDir?: string;
  /** Largest accepted upload in bytes (default 20 MB). */
  maxBytes?: number;
  /** Called after the graph changed, e.g. to drop the app's cached lists. */
  onChange?: () => void;
}

const NameSchema = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(200)
  .refine((s) => !/[\\/]/.test(s) && !s.includes('..'), 'a file name, not a path');
const PairSchema = z.object({ alias: z.string().min(1), canonical: z.string().min(1) });
const RejectSchema = z.object({ a: z.string().min(1), b: z.string().min(1) });

function parse<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, 'bad_request', `invalid ${field}: ${r.error.issues[0]?.message ?? 'bad input'}`, field);
  return r.data;
}

/**
 * Document upload and merge review. Read routes (upload status, merge candidates, document list
 * with counts) are always there; writes are mounted only when uploads are enabled, and run one
 * at a time so two uploads never interleave their library and store writes.
 */
export function createUploadRouter({ store, library, enabled, dataDir, maxBytes = 20 * 1024 * 1024, onChange }: UploadRouterOptions): Router {
  const r = Router();
  const dir = dataDir ?? library.dataDir;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const wrap = (fn: RequestHandler): RequestHandler => (req, res, next) => {
    Promise.resolve(fn(req, res, next)).catch(next);
  };

  r.get('/uploads', (_req, res) => void res.json({ enabled, maxBytes }));
  r.get('/documents/loaded', wrap(async (_req, res) => {
    await library.refresh();
    res.json({ documents: await listDocuments(library, store) });
  }));
  r.get('/merges', wrap(async (req, res) => {
    const limit = parse(z.coerce.number().int().min(1).max(1000).default(100), req.query['limit'], 'limit');
    const rules = await loadMergeRules(dir);
    res.json({ candidates: await listMergeCandidates({ store, dataDir: dir }, limit), merges: rules.merges, rejections: rules.rejections, writable: enabled });
  }));
  if (!enabled) return r;

  const raw = express.raw({ type: () => true, limit: maxBytes });
  r.post('/admin/documents', raw, wrap(async (req, res) => {
    const name = parse(NameSchema, req.query['name'], 'name');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const summary = await serial(async () => {
      await library.refresh();
      const rules = await loadMergeRules(dir);
      return ingestInputs([{ input: name, size: body.length, read: async () => body }], { store, library, rules });
    });
    if (summary.counts.new + summary.counts.updated > 0) onChange?.();
    res.json(summary);
  }));
  r.delete('/admin/documents/:doc', wrap(async (req, res) => {
    const doc = parse(NameSchema, req.params['doc'], 'doc');
    const change = await serial(async () => {
      await library.refresh();
      const entry = resolveDocument(library, doc);
      if (!entry) throw new NotFoundError('document', doc);
      return removeLoadedDocument(library, store, entry, await loadMergeRules(dir));
    });
    onChange?.();
    res.json({ removed: doc, ...change });
  }));
  r.post('/merges/confirm', express.json(), wrap(async (req, res) => {
    const { alias, canonical } = parse(PairSchema, req.body, 'body');
    const result = await serial(async () => {
      await library.refresh();
      try {
        return await confirmMergeAction({ store, library, dataDir: dir }, alias, canonical);
      } catch (err) {
        if (err instanceof Error && /already one node/.test(err.message)) throw new HttpError(400, 'bad_request', err.message, 'alias');
        throw err;
      }
    });
    onChange?.();
    res.json(result);
  }));
  r.post('/merges/reject', express.json(), wrap(async (req, res) => {
    const { a, b } = parse(RejectSchema, req.body, 'body');
    await serial(() => rejectMergeAction(dir, a, b));
    res.json({ rejected: [a, b] });
  }));
  return r;
}
