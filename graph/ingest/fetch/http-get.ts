import { formatMegabytes } from '../formats/limits.ts';
import type { FetchOptions } from './fetch-options.ts';
import { FetchRefusal } from './fetch-refusal.ts';

export interface FetchedResponse {
  /** Where the body came from, after redirects. */
  url: URL;
  /** Media type without parameters, lower case; '' when the server sent none. */
  contentType: string;
  bytes: Uint8Array;
}

/**
 * GET with the limits of `opts`: redirects followed by hand (counted, and refused when they leave
 * `sameHost`), a 2xx required, the body read up to the size cap — refused from Content-Length when
 * that already says too much, else cut off as soon as the streamed bytes pass it.
 */
export async function httpGet(url: URL, opts: FetchOptions, sameHost?: string): Promise<FetchedResponse> {
  const controller = new AbortController();
  let why = '';
  const abort = (reason: string) => {
    why = reason;
    controller.abort();
  };
  let answered = false;
  const total = setTimeout(() => abort(answered ? `no complete response within ${seconds(opts.totalMs)}` : `no answer within ${seconds(Math.min(opts.connectMs, opts.totalMs))}`), opts.totalMs);
  try {
    let at = url;
    for (let hops = 0; ; hops++) {
      if (at.protocol !== 'http:' && at.protocol !== 'https:') throw new FetchRefusal(`${at.protocol} is not http or https`);
      if (sameHost !== undefined && at.host !== sameHost) throw new FetchRefusal(`redirected to another site (${at.host}), not fetched`);
      const answer = setTimeout(() => abort(`no answer within ${seconds(opts.connectMs)}`), opts.connectMs);
      let res: Response;
      try {
        res = await fetch(at, { redirect: 'manual', signal: controller.signal, headers: { accept: '*/*' } });
      } catch (err) {
        throw new FetchRefusal(`${why || networkReason(err)}`);
      } finally {
        clearTimeout(answer);
      }
      answered = true;
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        if (hops + 1 > opts.maxRedirects) throw new FetchRefusal(`more than ${opts.maxRedirects} redirects`);
        at = new URL(location, at);
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel();
        throw new FetchRefusal(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const bytes = await readBody(res, opts.maxBytes, () => why);
      return { url: at, contentType, bytes };
    }
  } finally {
    clearTimeout(total);
  }
}

async function readBody(res: Response, cap: number, why: () => string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > cap) {
    await res.body?.cancel();
    throw new FetchRefusal(`response too large (${formatMegabytes(declared)}, cap ${formatMegabytes(cap)})`);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // A server may send no length or a false one: the streamed bytes are what counts.
      if (size > cap) {
        await reader.cancel();
        throw new FetchRefusal(`response too large (more than the cap of ${formatMegabytes(cap)})`);
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof FetchRefusal) throw err;
    throw new FetchRefusal(`${why() || `download broke off (${networkReason(err)})`}`);
  }
  return Buffer.concat(parts, size);
}

/** undici puts the socket's error (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
