import { z } from 'zod';

/** Empty variables count as unset, so `PORT= npm start` means the default. */
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), s);

const ServerEnvSchema = z.object({
  PORT: opt(z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: opt(z.string().trim().min(1).default('127.0.0.1')),
  /** Store calls slower than this answer 503. */
  STORE_TIMEOUT_MS: opt(z.coerce.number().int().min(100).max(600_000).default(10_000)),
  BODY_LIMIT: opt(z.string().regex(/^\d+(b|kb|mb)$/, 'like 100kb or 1mb').default('100kb')),
  /** One origin allowed cross-origin reads; no CORS when unset. */
  CORS_ORIGIN: opt(z.url().optional()),
  /** Enables POST /api/admin/reload for callers sending this bearer token; off when unset. */
  ADMIN_TOKEN: opt(z.string().min(16, 'at least 16 characters').optional()),
  /** ALLOW_UPLOADS=1 mounts the document upload and merge routes that write; off by default. */
  ALLOW_UPLOADS: opt(z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true')),
  UPLOAD_MAX_BYTES: opt(z.coerce.number().int().min(1024).max(500 * 1024 * 1024).optional()),
  /** Host names served besides loopback ones (comma-separated; `*` serves any): the Host header is checked. */
  ALLOWED_HOSTS: opt(z.string().optional().transform((v) => (v ?? '').split(',').map((h) => h.trim()).filter(Boolean))),
  DATA_DIR: opt(z.string().min(1).default('data')),
  SEEDS_DIR: opt(z.string().min(1).default('seeds')),
  WEB_DIR: opt(z.string().min(1).default('dist/web')),
});
export type ServerEnv = z.output<typeof ServerEnvSchema>;

/** Bound to an address other machines reach: then writes need ADMIN_TOKEN. */
export function bindsBeyondLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return !(h === 'localhost' || h === '::1' || h.startsWith('127.'));
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Server settings from the environment; a bad value names the variable and the problem. */
export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(env);
  if (parsed.success) {
    if (parsed.data.ALLOW_UPLOADS && bindsBeyondLoopback(parsed.data.HOST) && !parsed.data.ADMIN_TOKEN) {
      throw new EnvError(`ALLOW_UPLOADS: on ${parsed.data.HOST}, which other machines reach, writes need ADMIN_TOKEN (set it, or HOST=127.0.0.1)`);
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  throw new EnvError(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`);
}
