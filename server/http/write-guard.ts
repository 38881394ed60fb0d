import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from './error-handler.ts';

/** The header a page sends its CSRF token in: a custom header no other site's form or no-cors fetch can set. */
export const CSRF_HEADER = 'x-csrf-token';

export interface WriteGuardOptions {
  /** Token the page reads from GET /api/uploads and sends back with every write. */
  csrfToken: string;
  /** When set (ADMIN_TOKEN on a non-loopback address), writes also need `Authorization: Bearer <token>`. */
  writeToken?: string;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the browser says the request comes from another site than the one it is sent to. */
export function crossOrigin(req: Request): string | null {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = req.get('origin');
  if (origin !== undefined) {
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin.toLowerCase() !== own.toLowerCase()) return `Origin ${origin}`;
  }
  return null;
}

/**
 * The routes that write accept only requests from the explorer's own page: same origin (by
 * Sec-Fetch-Site or Origin), carrying the page's CSRF token, and the admin token when one is
 * required. Each refusal is a 403 saying which check failed; nothing is read from the body.
 */
export function guardWrites({ csrfToken, writeToken }: WriteGuardOptions): RequestHandler {
  return (req, _res, next) => {
    const other = crossOrigin(req);
    if (other) return next(new HttpError(403, 'forbidden', `cross-origin write refused (${other})`));
    if (!sameSecret(req.get(CSRF_HEADER) ?? '', csrfToken)) {
      return next(new HttpError(403, 'forbidden', `missing or wrong ${CSRF_HEADER} header (read it from GET /api/uploads)`));
    }
    if (writeToken !== undefined) {
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(given, writeToken)) return next(new HttpError(403, 'forbidden', 'writes on this server need Authorization: Bearer <ADMIN_TOKEN>'));
    }
    next();
  };
}
