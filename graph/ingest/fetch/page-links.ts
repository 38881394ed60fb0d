import { parse, type HTMLElement } from 'node-html-parser';
import { ATTACHMENT_EXTENSIONS, urlExtension } from './content-kind.ts';

export interface PageLinks {
  /** Same-site links to supported files, in page order, each once. */
  attachments: URL[];
  /** Links to supported files on another site: listed, not fetched. */
  elsewhere: URL[];
}

const PAGE_ENDINGS = new Set(['.htm', '.html']);

/**
 * The attachments a page links: <a href> to a supported file ending, resolved against the page
 * (and its <base href>). A link to another .html page is an attachment only when it is marked as
 * one (附件 in the link or the text just before it): otherwise the site's menus would be crawled.
 */
export function attachmentLinks(html: string, page: URL): PageLinks {
  const root = parse(html);
  const base = resolve(root.querySelector('base[href]')?.getAttribute('href'), page) ?? page;
  const seen = new Set([withoutHash(page)]);
  const out: PageLinks = { attachments: [], elsewhere: [] };
  for (const a of root.querySelectorAll('a[href]')) {
    const url = resolve(a.getAttribute('href'), base);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
    const ext = urlExtension(url);
    if (!ATTACHMENT_EXTENSIONS.includes(ext)) continue;
    if (PAGE_ENDINGS.has(ext) && !markedAsAttachment(a)) continue;
    const key = withoutHash(url);
    if (seen.has(key)) continue;
    seen.add(key);
    (url.host === page.host ? out.attachments : out.elsewhere).push(url);
  }
  return out;
}

function resolve(href: string | undefined, base: URL): URL | undefined {
  try {
    return href?.trim() ? new URL(href.trim(), base) : undefined;
  } catch {
    return undefined; // a malformed href is no link
  }
}

function withoutHash(url: URL): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

function markedAsAttachment(a: HTMLElement): boolean {
  if (a.text.includes('附件')) return true;
  const block = a.parentNode?.text ?? '';
  const before = block.slice(0, Math.max(0, block.indexOf(a.text)));
  return before.slice(-20).includes('附件');
}
