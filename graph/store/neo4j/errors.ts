import { GraphStoreError, StoreUnavailableError } from '../errors.ts';

export interface Neo4jTarget {
  uri: string;
  user: string;
  database: string | undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * The useful part of a driver message: the innermost "Caused by: …" (ECONNREFUSED, ENOTFOUND)
 * along the cause chain, else the first sentence.
 */
function reasonOf(err: unknown): string {
  let reason = '';
  for (let e = err as { message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    const m = typeof e.message === 'string' ? /Caused by: (.+)$/s.exec(e.message) : null;
    if (m?.[1]) reason = m[1];
  }
  if (reason) return oneLine(reason);
  const message = typeof (err as { message?: unknown })?.message === 'string' ? (err as Error).message : String(err);
  return oneLine(message.split(/(?<=\.)\s/)[0] ?? message);
}

/**
 * Driver failures as one-line StoreUnavailableErrors that name the variable to fix.
 * Our own errors (NotFound, InvalidInput) pass through unchanged. Kept free of the driver so
 * it can be unit-tested with plain objects.
 */
export function toStoreError(err: unknown, target: Neo4jTarget): Error {
  if (err instanceof GraphStoreError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = oneLine(typeof e?.message === 'string' ? e.message : String(err));
  const at = `Neo4j at ${target.uri}`;
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new StoreUnavailableError(`${at} rejected user "${target.user}": check NEO4J_PASSWORD (and NEO4J_USER)`, 'NEO4J_PASSWORD');
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || /database .*does not exist/i.test(message)) {
    return new StoreUnavailableError(`${at} has no database "${target.database ?? '(default)'}": check NEO4J_DATABASE`, 'NEO4J_DATABASE');
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|connect|timed out/i.test(message)) {
    return new StoreUnavailableError(`${at} is unreachable (${reasonOf(err)}): check NEO4J_URI and that the server is running`, 'NEO4J_URI');
  }
  if (code === 'Neo.ClientError.Security.Forbidden') {
    return new StoreUnavailableError(`${at}: user "${target.user}" may not do this (${message}): check NEO4J_USER`, 'NEO4J_USER');
  }
  return new StoreUnavailableError(`${at} failed${code ? ` (${code})` : ''}: ${message}`, 'NEO4J_URI');
}
