import { NodeType, type HTMLElement, type Node } from 'node-html-parser';
import type { DocumentHeader } from '../etl/types.ts';
import { childElements, tagOf } from './html-elements.ts';

export type HtmlHeader = DocumentHeader & { keywords?: string };
type LabelKey = Exclude<keyof HtmlHeader, 'url'>;

/** Header fields in the order and spelling of the seeds, so both kinds of input print alike. */
export const HEADER_LABELS: readonly (readonly [LabelKey, string])[] = [
  ['indexNo', '索引号'],
  ['category', '信息分类'],
  ['publisher', '发布机构'],
  ['date', '发布日期'],
  ['title', '信息名称'],
  ['number', '文   号'],
  ['keywords', '关键词'],
];
const BY_LABEL = new Map(HEADER_LABELS.map(([k, l]) => [l.replace(/\s+/gu, ''), k]));
const LABEL_RE = /^\s*([索信发文关][^:：]{0,6}?)\s*[:：]\s*([\s\S]*)$/u;

// Metadata the national government-website standard puts in <meta name=…>.
const META: Record<string, LabelKey> = { articletitle: 'title', pubdate: 'date', contentsource: 'publisher' };

/**
 * Reads the header fields from a page: the labelled block the site shows (索引号：… in a
 * table or spans, value in the same or the next cell), else the standard meta tags.
 * Returns the elements it read so they are not repeated in the body.
 */
export function readHtmlHeader(root: HTMLElement, html: string): { header: HtmlHeader; consumed: Set<Node> } {
  const header: HtmlHeader = {};
  const consumed = new Set<Node>();
  const url = pageUrl(root, html);
  if (url) header.url = url;
  for (const el of labelCandidates(root)) {
    const m = matchLabel(el.text);
    if (!m || header[m.key] !== undefined || hasLabelledChild(el)) continue;
    let value = m.rest;
    consumed.add(el);
    if (!value) {
      const next = valueAfter(el);
      if (next) {
        value = clean(next.text);
        consumed.add(next);
      }
    }
    if (value || m.key === 'keywords') header[m.key] = m.key === 'date' ? isoDate(value) : value;
  }
  for (const meta of root.querySelectorAll('meta[name]')) {
    const key = META[(meta.getAttribute('name') ?? '').toLowerCase()];
    const content = clean(meta.getAttribute('content') ?? '');
    if (key && content && header[key] === undefined) header[key] = key === 'date' ? isoDate(content) : content;
  }
  return { header, consumed };
}

function matchLabel(text: string): { key: LabelKey; rest: string } | null {
  if (text.length > 300) return null;
  const m = LABEL_RE.exec(text);
  const key = m ? BY_LABEL.get((m[1] ?? '').replace(/\s+/gu, '')) : undefined;
  return key ? { key, rest: clean(m?.[2] ?? '') } : null;
}

const CANDIDATE_TAGS = new Set(['td', 'th', 'span', 'li', 'p', 'div', 'dt', 'dd', 'label', 'strong', 'b', 'font', 'em']);
const LABEL_START = /^[\s\u00a0\u3000]*[索信发文关]/u;

/**
 * Elements whose text starts like a label, in document order. Checking the first text first keeps
 * this one cheap walk: computing the full text of every paragraph of a long page is the cost.
 */
function labelCandidates(root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  const visit = (el: HTMLElement) => {
    for (const e of childElements(el)) {
      const tag = tagOf(e);
      if (tag === 'script' || tag === 'style' || tag === 'head') continue;
      if (CANDIDATE_TAGS.has(tag) && LABEL_START.test(leadingText(e))) out.push(e);
      visit(e);
    }
  };
  visit(root);
  return out;
}

/** The first non-blank text inside `el` (its first few characters are enough). */
function leadingText(el: HTMLElement): string {
  for (const c of el.childNodes) {
    if (c.nodeType === NodeType.TEXT_NODE) {
      const t = c.text; // decoded: a label may start after &nbsp;
      if (t.trim()) return t.trimStart();
      continue;
    }
    if (c.nodeType === NodeType.ELEMENT_NODE) {
      const t = leadingText(c as HTMLElement);
      if (t) return t;
    }
  }
  return '';
}

/** The value printed after a label: the next non-blank text or element, unless that is a label too. */
function valueAfter(el: HTMLElement): Node | null {
  const siblings = el.parentNode?.childNodes ?? [];
  for (let i = siblings.indexOf(el) + 1; i < siblings.length; i++) {
    const n = siblings[i]!;
    if (n.nodeType === NodeType.TEXT_NODE) {
      if (n.text.trim()) return n;
      continue;
    }
    if (n.nodeType !== NodeType.ELEMENT_NODE) continue;
    return matchLabel((n as HTMLElement).text) ? null : n;
  }
  return null;
}

function hasLabelledChild(el: HTMLElement): boolean {
  return childElements(el).some((c) => matchLabel(c.text) !== null);
}

/** The page's own address: the "saved from url" mark browsers add, canonical link, or og:url. */
function pageUrl(root: HTMLElement, html: string): string | undefined {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  if (saved?.[1] && /^https?:\/\//i.test(saved[1])) return saved[1];
  const canonical = root.querySelector('link[rel=canonical]')?.getAttribute('href');
  if (canonical && /^https?:\/\//i.test(canonical)) return canonical.trim();
  const og = root.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (og && /^https?:\/\//i.test(og)) return og.trim();
  const named = root.querySelector('meta[name="Url"]')?.getAttribute('content') ?? root.querySelector('meta[name="url"]')?.getAttribute('content');
  return named && /^https?:\/\//i.test(named) ? named.trim() : undefined;
}

function clean(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** "2009-02-19 00:00:00", "2009年02月19日" → "2009-02-19"; anything else unchanged. */
function isoDate(s: string): string {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}
