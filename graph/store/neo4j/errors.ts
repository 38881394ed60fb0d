import { GraphStoreError, StoreUnavailableError } from '../errors.ts';

export interface Neo4jTarget {
  uri: string;
  user: string;
  database: string | undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The error and its causes, innermost last (the driver wraps a socket error in its own). */
function causeChain(err: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let e = err as ErrorLike | undefined, i = 0; e && typeof e === 'object' && i < 5; e = e.cause as ErrorLike | undefined, i++) chain.push(e);
  return chain;
}

const codeOf = (e: ErrorLike | undefined) => (typeof e?.code === 'string' ? e.code : '');

/**
 * For the reader only, never to classify: the innermost "Caused by: …" (ECONNREFUSED, ENOTFOUND)
 * along the cause chain, else the first sentence.
 */
function reasonOf(err: unknown): string {
  let reason = '';
  for (const e of causeChain(err)) {
    const m = typeof e.message === 'string' ? /Caused by: (.+)$/s.exec(e.message) : null;
    if (m?.[1]) reason = m[1];
  }
  if (reason) return oneLine(reason);
  const message = typeof (err as ErrorLike)?.message === 'string' ? (err as Error).message : String(err);
  return oneLine(message.split(/(?<=\.)\s/)[0] ?? message);
}

const AUTH_CODES = new Set(['Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit', 'Neo.ClientError.Security.CredentialsExpired', 'Neo.ClientError.Security.TokenExpired']);
const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/** A server asked for a routing table it cannot give: a single server behind neo4j://. */
const NO_ROUTING_CODE = 'Neo.ClientError.Procedure.ProcedureNotFound';
/** Codes the schema step meets when another process created the same rule first. */
export const ALREADY_EXISTS_CODES = new Set(['Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists', 'Neo.ClientError.Schema.ConstraintAlreadyExists', 'Neo.ClientError.Schema.IndexAlreadyExists']);

export function isAlreadyExists(err: unknown): boolean {
  return causeChain(err).some((e) => ALREADY_EXISTS_CODES.has(codeOf(e)));
}

/** `bolt://` with the same host and port, for the advice to a single server. */
function boltUri(uri: string): string {
  return uri.replace(/^neo4j(\+s|\+ssc)?:/, (_m, tls: string | undefined) => `bolt${tls ?? ''}:`);
}

/**
 * Driver failures as one-line StoreUnavailableErrors that name the variable to fix, decided by
 * the driver's error codes (Neo4jError.code along the cause chain), never by message text.
 * Our own errors (NotFound, InvalidInput, the deadlines) pass through unchanged.
 */
export function toStoreError(err: unknown, target: Neo4jTarget): Error {
  if (err instanceof GraphStoreError) return err;
  const chain = causeChain(err);
  const code = codeOf(chain[0]);
  const codes = new Set(chain.map(codeOf));
  const message = oneLine(typeof chain[0]?.message === 'string' ? chain[0].message : String(err));
  const at = `Neo4j at ${target.uri}`;
  if (AUTH_CODES.has(code)) {
    return new StoreUnavailableError(`${at} rejected user "${target.user}": check NEO4J_PASSWORD (and NEO4J_USER)`, 'NEO4J_PASSWORD');
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreUnavailableError(`${at} has no database "${target.database ?? '(default)'}": check NEO4J_DATABASE`, 'NEO4J_DATABASE');
  }
  if (code === 'Neo.TransientError.General.DatabaseUnavailable' || code === 'Neo.ClientError.Database.DatabaseUnavailable') {
    return new StoreUnavailableError(`${at}: database "${target.database ?? '(default)'}" is not online: start it or check NEO4J_DATABASE`, 'NEO4J_DATABASE');
  }
  if (UNREACHABLE_CODES.has(code) && codes.has(NO_ROUTING_CODE)) {
    return new StoreUnavailableError(`${at} is a single server that cannot route: use ${boltUri(target.uri)} in NEO4J_URI`, 'NEO4J_URI');
  }
  if (UNREACHABLE_CODES.has(code)) {
    const routing = /^neo4j(\+s|\+ssc)?:/.test(target.uri) ? ` (for a single server, ${boltUri(target.uri)} skips routing)` : '';
    return new StoreUnavailableError(`${at} is unreachable (${reasonOf(err)}): check NEO4J_URI${routing} and that the server is running`, 'NEO4J_URI');
  }
  if (code === 'Neo.ClientError.Security.Forbidden') {
    return new StoreUnavailableError(`${at}: user "${target.user}" may not do this (${message}): check NEO4J_USER`, 'NEO4J_USER');
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new StoreUnavailableError(`${at} is busy (${code}): try again`, 'NEO4J_URI');
  }
  return new StoreUnavailableError(`${at} failed${code && code !== 'N/A' ? ` (${code})` : ''}: ${message}`, 'NEO4J_URI');
}
