import type { RequestHandler } from 'express';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (LOOPBACK_HOSTS as readonly string[]).includes(h) || h.startsWith('127.') || h.endsWith('.localhost');
}

/** The host name of a Host header, without port or IPv6 brackets. */
export function hostNameOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d+$/, '');
}

/**
 * Requests must name this server in their Host header: a page on another site that rebinds its
 * own name to 127.0.0.1 (DNS rebinding) sends its own name and is refused. Loopback names are
 * always allowed; `allowed` adds names (ALLOWED_HOSTS), `*` allows any.
 */
export function hostAllowList(allowed: readonly string[] = []): RequestHandler {
  const names = new Set(allowed.map((a) => hostNameOf(a)));
  const any = names.has('*');
  return (req, res, next) => {
    const name = hostNameOf(req.get('host') ?? '');
    if (any || isLoopback(name) || names.has(name)) return next();
    res.status(403).json({ error: { code: 'forbidden', message: `host ${name || '(none)'} is not served here (set ALLOWED_HOSTS to add it)` } });
  };
}
