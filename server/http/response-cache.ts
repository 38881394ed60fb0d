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
  private revision: string | undefined;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxEntries = 4000,
  ) {}

  get(revision: string, key: string): CachedResponse | undefined {
    if (revision !== this.revision) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(revision: string, key: string, entry: CachedResponse): void {
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

  clear(revision?: string): void {
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

function etagOf(revision: string, body: Buffer): string {
  return `W/"${revision.replace(/[^\w.:-]/g, '')}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
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

/** A revision read synchronously or not: contracts.md D lets a store's revision become asynchronous. */
export type RevisionSource = () => string | undefined | Promise<string | undefined>;

/**
 * GET responses of the listed paths answered from `cache` while the revision is unchanged.
 * Without a revision (Neo4j) every request goes to the store. Mounted before the other
 * middleware, so a hit replays the first answer's headers instead of recomputing them.
 */
export function cachedReads(cache: ResponseCache, revision: RevisionSource | undefined, cacheable: (path: string) => boolean): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || !cacheable(req.path) || !revision) {
      next();
      return;
    }
    void readRevision(revision).then((rev) => {
      if (rev === undefined) return next();
      serveCached(cache, revision, rev, req, res, next);
    });
  };
}

function serveCached(cache: ResponseCache, revision: RevisionSource, rev: string, req: Parameters<RequestHandler>[0], res: Response, next: () => void): void {
  const key = req.originalUrl;
  const hit = cache.get(rev, key);
  if (hit) {
    replay(res, hit, req.get('if-none-match'), req.get('accept-encoding'));
    return;
  }
  const json = res.json.bind(res);
  res.json = (value: unknown) => {
    // Only answers computed on the revision they will be filed under (checked when it can be read at once).
    const now = revision();
    if (res.statusCode !== 200 || (typeof now === 'string' && now !== rev) || now === undefined) return json(value);
    const body = Buffer.from(JSON.stringify(value));
    const etag = etagOf(rev, body);
    res.set({ 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Content-Length': String(body.length), Vary: 'Accept-Encoding' });
    const gzipped = gzipSync(body, { level: 6 });
    const headers = res.getHeaders();
    const entry = { body, gzipped, etag, headers, gzipHeaders: { ...headers, 'content-encoding': 'gzip', 'content-length': gzipped.length } };
    if (typeof now === 'string') cache.set(rev, key, entry);
    else void now.then((r) => r === rev && cache.set(rev, key, entry), () => undefined);
    replay(res, entry, req.get('if-none-match'), req.get('accept-encoding'));
    return res;
  };
  next();
}

/** The revision, or undefined when there is none or it cannot be read: then nothing is cached. */
async function readRevision(revision: RevisionSource): Promise<string | undefined> {
  try {
    const rev = revision();
    return typeof rev === 'object' ? await settleWithin(rev, REVISION_WAIT_MS) : rev;
  } catch {
    return undefined;
  }
}

/** A store's own revision check has a shorter deadline; this only bounds a store that has none. */
const REVISION_WAIT_MS = 500;

function settleWithin(rev: Promise<string | undefined>, ms: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    rev.then(
      (r) => resolve(r),
      () => resolve(undefined),
    ).finally(() => clearTimeout(timer));
  });
}
