import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestHandler, Response } from 'express';

/**
 * Read responses are pure functions of (graph revision, URL), and most of their cost is turning
 * large subgraphs into JSON. This keeps the serialised bodies of the latest revision, least
 * recently used first out, so a repeated question costs one buffer write.
 */
export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private revision: number | undefined;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxEntries = 4000,
  ) {}

  get(revision: number, key: string): CachedResponse | undefined {
    if (revision !== this.revision) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(revision: number, key: string, entry: CachedResponse): void {
    if (revision !== this.revision) this.clear(revision);
    const size = entry.body.length + entry.gzipped.length;
    if (size > this.maxBytes / 8) return; // one huge answer must not flush everything else
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= v.body.length + v.gzipped.length;
    }
  }

  clear(revision?: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.revision = revision;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A serialised answer with the headers it was first sent with (security headers included). */
interface CachedResponse {
  body: Buffer;
  /** The same body gzipped once when filed: subgraph JSON shrinks about tenfold. */
  gzipped: Buffer;
  etag: string;
  headers: OutgoingHttpHeaders;
  gzipHeaders: OutgoingHttpHeaders;
}

function etagOf(revision: number, body: Buffer): string {
  return `W/"${revision.toString(36)}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
}

function replay(res: Response, hit: CachedResponse, ifNoneMatch: string | undefined, acceptEncoding: string | undefined): void {
  if (ifNoneMatch === hit.etag) {
    res.writeHead(304, { ...hit.headers, 'content-length': 0 }).end();
    return;
  }
  // Straight to the socket: no routing, no middleware, no serialisation.
  if (acceptEncoding !== undefined && acceptEncoding.includes('gzip')) {
    res.writeHead(200, hit.gzipHeaders).end(hit.gzipped);
    return;
  }
  res.writeHead(200, hit.headers).end(hit.body);
}

/** The store's revision: a number, or a promise of one for a store that must ask its database. */
export type RevisionSource = (() => number | Promise<number>) | undefined;

/**
 * GET responses of the listed paths answered from `cache` while the store's revision is
 * unchanged. Without a revision every request goes to the store. Mounted before the
 * other middleware, so a hit replays the first answer's headers instead of recomputing them.
 * A revision that comes as a promise (Neo4j) is awaited once per request; if it fails, the
 * request goes to the store uncached.
 */
export function cachedReads(cache: ResponseCache, revision: RevisionSource, cacheable: (path: string) => boolean): RequestHandler {
  return (req, res, next) => {
    if (!revision || req.method !== 'GET' || !cacheable(req.path)) {
      next();
      return;
    }
    const first = readRevision(revision);
    const serve = (rev: number | undefined, recheck: boolean) => {
      if (rev === undefined) {
        next();
        return;
      }
      const key = req.originalUrl;
      const hit = cache.get(rev, key);
      if (hit) {
        replay(res, hit, req.get('if-none-match'), req.get('accept-encoding'));
        return;
      }
      const json = res.json.bind(res);
      res.json = (value: unknown) => {
        // Only answers computed on the revision they will be filed under. An asynchronous
        // revision is not asked again: an answer newer than `rev` is filed under `rev`, and
        // the next check, seeing the newer revision, drops it with the rest.
        if (res.statusCode !== 200 || (recheck && readRevision(revision) !== rev)) return json(value);
        const body = Buffer.from(JSON.stringify(value));
        const etag = etagOf(rev, body);
        res.set({ 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Content-Length': String(body.length), Vary: 'Accept-Encoding' });
        const gzipped = gzipSync(body, { level: 6 });
        const headers = res.getHeaders();
        const entry = { body, gzipped, etag, headers, gzipHeaders: { ...headers, 'content-encoding': 'gzip', 'content-length': gzipped.length } };
        cache.set(rev, key, entry);
        replay(res, entry, req.get('if-none-match'), req.get('accept-encoding'));
        return res;
      };
      next();
    };
    if (first instanceof Promise) first.then((rev) => serve(rev, false), () => serve(undefined, false));
    else serve(first, true);
  };
}

/** The store's revision (a number, or a promise of a number), or undefined when it cannot give one: then nothing is cached. */
function readRevision(revision: () => number | Promise<number>): number | Promise<number | undefined> | undefined {
  try {
    const rev: unknown = revision();
    if (typeof rev === 'number') return rev;
    if (rev instanceof Promise) return settleWithin(rev, REVISION_WAIT_MS);
    return undefined;
  } catch {
    return undefined;
  }
}

/** A store's own revision check has a shorter deadline; this only bounds a store that has none. */
const REVISION_WAIT_MS = 500;

function settleWithin(rev: Promise<unknown>, ms: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    rev.then(
      (r) => resolve(typeof r === 'number' ? r : undefined),
      () => resolve(undefined),
    ).finally(() => clearTimeout(timer));
  });
}
