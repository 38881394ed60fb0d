import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../graph/api/index.ts';
import { InvalidInputError, NotFoundError, StoreUnavailableError } from '../../graph/store/errors.ts';
import { TimeoutError } from './timeout.ts';
import { RequestValidationError } from './validate.ts';

type Code = ErrorBody['error']['code'];

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function body(code: Code, message: string, extra: Partial<ErrorBody['error']> = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

function issuesBody(issues: ZodError['issues'], location?: string): ErrorBody {
  const list = issues.map((i) => ({ path: i.path.map(String).join('.') || (location ?? ''), message: i.message }));
  // The field is the parameter a user typed: "types", not "types.1" (issues keep the full path).
  const first = list[0];
  const field = first?.path.replace(/(\.\d+)+$/, '') || location;
  return body('bad_request', `invalid ${field ?? 'input'}: ${first?.message ?? 'bad input'}`, { ...(field ? { field } : {}), issues: list });
}

/** The one place that turns errors into HTTP statuses; never sends a stack trace. */
export function errorHandler(log: (msg: string, err: unknown) => void = console.error): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const [status, payload] = classify(err);
    if (status >= 500 && !(err instanceof StoreUnavailableError) && !(err instanceof TimeoutError)) log('unhandled error', err);
    res.status(status).json(payload);
  };
}

function classify(err: unknown): [number, ErrorBody] {
  if (err instanceof RequestValidationError) return [400, issuesBody(err.issues, err.location)];
  if (err instanceof ZodError) return [400, issuesBody(err.issues)];
  if (err instanceof InvalidInputError) return [400, body('bad_request', err.message, err.field ? { field: err.field } : {})];
  if (err instanceof NotFoundError) return [404, body('not_found', err.message)];
  if (err instanceof TimeoutError) return [503, body('timeout', err.message)];
  if (err instanceof StoreUnavailableError) {
    return [503, body('unavailable', err.hint ? `${err.message} (${err.hint})` : err.message)];
  }
  if (err instanceof HttpError) return [err.status, body(err.code, err.message, err.field ? { field: err.field } : {})];
  // body-parser and the router mark client errors with a 4xx status and a type.
  const e = err as { status?: unknown; type?: unknown; message?: unknown };
  if (e && e.type === 'entity.too.large') return [413, body('payload_too_large', 'request body too large')];
  if (e && e.type === 'entity.parse.failed') return [400, body('bad_request', 'request body is not valid JSON', { field: 'body' })];
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return [e.status, body('bad_request', typeof e.message === 'string' ? e.message : 'bad request')];
  }
  return [500, body('internal', 'internal error')];
}

/** JSON 404 for any /api path no route answered. */
export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json(body('not_found', `no such endpoint: ${req.method} ${req.originalUrl.split('?')[0]}`));
};
