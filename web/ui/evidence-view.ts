import type { Evidence } from '../../graph/model/index.ts';
import type { ApiClient, DocumentsResponse } from '../api/client.ts';
import { errorMessage, h } from './feedback.ts';
import { t } from './i18n.ts';

export const CONTEXT_LINES = 2;

/** Split a line around every occurrence of the quote, so the quote can be marked in place. */
export function highlightQuote(text: string, quote: string): { text: string; hit: boolean }[] {
  if (!quote) return [{ text, hit: false }];
  const out: { text: string; hit: boolean }[] = [];
  let from = 0;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, from)) {
    if (i > from) out.push({ text: text.slice(from, i), hit: false });
    out.push({ text: quote, hit: true });
    from = i + quote.length;
  }
  if (from < text.length || out.length === 0) out.push({ text: text.slice(from), hit: false });
  return out;
}

type DocMeta = DocumentsResponse['documents'][number];
let docsCache: Promise<Map<string, DocMeta>> | null = null;

export function documentsByFile(api: ApiClient): Promise<Map<string, DocMeta>> {
  docsCache ??= api.documents().then((r) => new Map(r.documents.map((d) => [d.file, d]))).catch((e: unknown) => { docsCache = null; throw e; });
  return docsCache;
}

export function docLabel(meta: DocMeta | undefined, file: string): string {
  if (!meta) return file;
  return [meta.title ?? file, meta.number, meta.date].filter(Boolean).join(' · ');
}

/** The quoted sentence in its surrounding source lines, the quote marked, under the document's title, number and date. */
export function renderEvidence(api: ApiClient, ev: Evidence): HTMLElement {
  const box = h('article', { class: 'evidence', 'data-doc': ev.doc, 'data-line': String(ev.line) });
  const head = h('header', {}, `${ev.doc} · ${t('line')} ${ev.line}`);
  const body = h('ol', {}, h('li', { class: 'hit' }, h('span', { class: 'no' }, String(ev.line)), h('span', {}, h('mark', {}, ev.quote))));
  box.append(head, body);
  const load = async () => {
    try {
      const [docs, lines] = await Promise.all([
        documentsByFile(api).catch(() => new Map<string, DocMeta>()),
        api.lines(ev.doc, Math.max(1, ev.line - CONTEXT_LINES), ev.line + CONTEXT_LINES),
      ]);
      head.textContent = `${docLabel(docs.get(ev.doc), ev.doc)} · ${t('line')} ${ev.line}`;
      body.replaceChildren(...lines.lines.map((l) => {
        const hit = l.no === ev.line;
        const parts = hit ? highlightQuote(l.text, ev.quote).map((p) => (p.hit ? h('mark', {}, p.text) : p.text)) : [l.text];
        return h('li', { class: hit ? 'hit' : '' }, h('span', { class: 'no' }, String(l.no)), h('span', {}, ...parts));
      }));
    } catch (e) {
      box.append(h('p', { class: 'flag' }, errorMessage(e)));
    }
  };
  // Context lines load when the evidence scrolls into view: an agency can have dozens of quotes.
  if (typeof IntersectionObserver === 'undefined') void load();
  else {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting)) { io.disconnect(); void load(); }
    });
    io.observe(box);
  }
  return box;
}
