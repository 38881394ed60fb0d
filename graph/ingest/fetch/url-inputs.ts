import { basename, extname } from 'node:path';
import { decodeBytes } from '../decode.ts';
import type { InputRef } from '../ingest.ts';
import { checkAttachmentType, servedAs, urlExtension } from './content-kind.ts';
import { fetchOptions, type FetchOptionsInput } from './fetch-options.ts';
import { FetchRefusal } from './fetch-refusal.ts';
import { httpGet, type FetchedResponse } from './http-get.ts';
import { attachmentLinks } from './page-links.ts';

export interface UrlInputs {
  /** Each page, then the attachments it links, for ingestInputs; a refused fetch refuses on read. */
  inputs: InputRef[];
  /** Links to attachments on another site, one line each: not fetched. */
  skipped: string[];
}

/**
 * The inputs of `kg ingest <url>…`. Each page is fetched now (its links are needed to know the
 * inputs); its attachments are fetched when ingest reads them, so only one is in memory at a time.
 * Every input records the address it came from as the document's URL.
 */
export async function urlInputs(urls: readonly string[], options: FetchOptionsInput = {}): Promise<UrlInputs> {
  const opts = fetchOptions(options);
  const out: UrlInputs = { inputs: [], skipped: [] };
  for (const raw of urls) {
    const url = parseHttpUrl(raw);
    if (!url) {
      out.inputs.push(refused(raw, new FetchRefusal('not an http or https URL')));
      continue;
    }
    let page: FetchedResponse;
    let kind;
    try {
      page = await httpGet(url, opts);
      kind = servedAs(page.url, page.contentType);
    } catch (err) {
      out.inputs.push(refused(url.href, err));
      continue;
    }
    const ref = fetchedRef(url.href, page, kind.kind === 'document' ? kind.ext : '.html');
    out.inputs.push(ref);
    if (kind.kind !== 'page') continue;
    const decoded = decodeBytes(page.bytes);
    // A page that cannot be decoded is refused by ingest itself; it has no links to follow.
    if (!decoded.ok) continue;
    const links = attachmentLinks(decoded.text, page.url);
    for (const link of links.elsewhere) out.skipped.push(`skipped   ${link.href}: on another site (${link.host}), not fetched`);
    for (const link of links.attachments) {
      if (out.inputs.some((i) => i.input === link.href)) continue;
      out.inputs.push(attachmentRef(link, page.url.host, opts, ref.input));
    }
  }
  return out;
}

function parseHttpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function fetchedRef(input: string, res: FetchedResponse, ext: string): InputRef {
  return { input, name: fileNameOf(res.url, ext), url: res.url.href, size: res.bytes.length, read: async () => res.bytes };
}

/** Fetched when ingest comes to it; a redirect may move it within the site, so name and URL are set then. */
function attachmentRef(link: URL, host: string, opts: ReturnType<typeof fetchOptions>, parent: string): InputRef {
  const ref: InputRef = {
    input: link.href,
    name: fileNameOf(link, urlExtension(link)),
    url: link.href,
    attachTo: parent,
    read: async () => {
      const res = await httpGet(link, opts, host);
      const ext = checkAttachmentType(res.url, res.contentType);
      ref.url = res.url.href;
      ref.name = fileNameOf(res.url, ext);
      return res.bytes;
    },
  };
  return ref;
}

function refused(input: string, err: unknown): InputRef {
  const error = err instanceof FetchRefusal ? err : new FetchRefusal((err as Error).message);
  return { input, read: () => Promise.reject(error) };
}

/** The last path segment as a file name (附件1.xlsx, not %E9%99%84…), with the format's ending. */
export function fileNameOf(url: URL, ext: string): string {
  let name: string;
  try {
    name = basename(decodeURIComponent(url.pathname));
  } catch {
    name = basename(url.pathname); // a stray % that is no escape
  }
  name ||= url.hostname;
  return extname(name).toLowerCase() === ext || (ext === '.html' && extname(name).toLowerCase() === '.htm') ? name : `${name}${ext}`;
}
