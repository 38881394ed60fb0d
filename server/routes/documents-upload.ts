import { randomBytes } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { withDataWrite, type DataWrite } from '../../graph/ingest/data-write.ts';
import { listDocuments, removeLoadedDocument, resolveDocument } from '../../graph/ingest/documents-list.ts';
import { ingestInputs } from '../../graph/ingest/ingest.ts';
import type { SourceLibrary } from '../../graph/ingest/library.ts';
import { confirmMergeAction, listMergeCandidates, rejectMergeAction } from '../../graph/ingest/merge-actions.ts';
import { loadMergeRules } from '../../graph/ingest/merge-rules.ts';
import { NotFoundError } from '../../graph/store/errors.ts';
import type { GraphStore } from '../../graph/store/types.ts';
import { HttpError } from '../http/error-handler.ts';
import { guardWrites } from '../http/write-guard.ts';

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
  /** The page's CSRF token for writes (default: a random one per router). */
  csrfToken?: string;
  /** Writes also need `Authorization: Bearer <writeToken>` (ADMIN_TOKEN on a non-loopback address). */
  writeToken?: string;
  /** How long a write waits for another writer of the data dir (default 30 s), then answers 503. */
  lockWaitMs?: number;
}

const NameSchema = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(200)
  .refine((s) => !/[\\/]/.test(s) && !s.includes('..'), 'a file name, not a path');
/** An upload: the file's name and its bytes in base64 (any encoding the ingest reads: UTF-8, GB18030…). */
const UploadSchema = z.object({ name: NameSchema, content: z.base64(), force: z.boolean().default(false) });
const PairSchema = z.object({ alias: z.string().min(1), canonical: z.string().min(1) });
const RejectSchema = z.object({ a: z.string().min(1), b: z.string().min(1) });

function parse<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue?.path[0] !== undefined ? String(issue.path[0]) : field; // the body's own field: "name", not "body"
    throw new HttpError(400, 'bad_request', `invalid ${at}: ${issue?.message ?? 'bad input'}`, at);
  }
  return r.data;
}

/**
 * Document upload and merge review. Read routes (upload status, merge candidates, document list
 * with counts) are always there; writes are mounted only when uploads are enabled, and run one
 * at a time so two uploads never interleave their library and store writes.
 */
export function createUploadRouter({ store, library, enabled, dataDir, maxBytes = 20 * 1024 * 1024, onChange, csrfToken = randomBytes(24).toString('base64url'), writeToken, lockWaitMs = 30_000 }: UploadRouterOptions): Router {
  const r = Router();
  const dir = dataDir ?? library.dataDir;
  /** One write at a time in this process, and one across processes by the data dir's lock. */
  const write = <T>(command: string, fn: (w: DataWrite) => Promise<T>) =>
    serial(() => withDataWrite({ dataDir: dir, store, library, command, waitMs: lockWaitMs }, fn));
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const wrap = (fn: RequestHandler): RequestHandler => (req, res, next) => {
    Promise.resolve(fn(req, res, next)).catch(next);
  };

  r.get('/uploads', (_req, res) => void res.json(enabled ? { enabled, maxBytes, csrfToken, tokenRequired: writeToken !== undefined } : { enabled, maxBytes }));
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

  const guard = guardWrites({ csrfToken, ...(writeToken !== undefined ? { writeToken } : {}) });
  // base64 is 4/3 of the bytes; the decoded size is checked against maxBytes below.
  const uploadJson = express.json({ limit: Math.ceil((maxBytes * 4) / 3) + 4096 });
  r.post('/admin/documents', guard, uploadJson, wrap(async (req, res) => {
    const { name, content, force } = parse(UploadSchema, req.body, 'body');
    const body = Buffer.from(content, 'base64');
    if (body.length > maxBytes) throw new HttpError(413, 'payload_too_large', `upload larger than ${maxBytes} bytes`, 'content');
    const summary = await write('upload', async ({ commit }) => {
      const rules = await loadMergeRules(dir);
      return ingestInputs([{ input: name, size: body.length, read: async () => body }], { store, library, rules, commit, force });
    });
    if (summary.counts.new + summary.counts.updated > 0) onChange?.();
    const held = summary.files.filter((f) => f.status === 'held');
    if (held.length > 0) {
      res.status(409).json({ error: { code: 'conflict', message: held.map((f) => `${f.input}: ${f.message ?? 'held back'}`).join('; ') }, held: held.map((f) => ({ input: f.input, file: f.file, ...f.held })), ...summary });
      return;
    }
    res.json(summary);
  }));
  r.delete('/admin/documents/:doc', guard, wrap(async (req, res) => {
    const doc = parse(NameSchema, req.params['doc'], 'doc');
    const change = await write('remove', async () => {
      const entry = resolveDocument(library, doc);
      if (!entry) throw new NotFoundError('document', doc);
      return removeLoadedDocument(library, store, entry, await loadMergeRules(dir));
    });
    onChange?.();
    res.json({ removed: doc, ...change });
  }));
  r.post('/merges/confirm', guard, express.json(), wrap(async (req, res) => {
    const { alias, canonical } = parse(PairSchema, req.body, 'body');
    const result = await write('merge', async (w) => {
      try {
        return await confirmMergeAction({ store, library, dataDir: dir, write: w }, alias, canonical);
      } catch (err) {
        if (err instanceof Error && /already one node/.test(err.message)) throw new HttpError(400, 'bad_request', err.message, 'alias');
        throw err;
      }
    });
    onChange?.();
    res.json(result);
  }));
  r.post('/merges/reject', guard, express.json(), wrap(async (req, res) => {
    const { a, b } = parse(RejectSchema, req.body, 'body');
    await write('merge', () => rejectMergeAction(dir, a, b));
    res.json({ rejected: [a, b] });
  }));
  return r;
}
