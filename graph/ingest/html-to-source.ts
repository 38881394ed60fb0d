import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import type { DocumentHeader, SourceDocument } from '../etl/types.ts';
import { childElements, tagOf } from './html-elements.ts';
import { readHtmlHeader, HEADER_LABELS } from './html-header.ts';
import { pushTable, tableToLines, type TableCell } from './formats/table-lines.ts';

/** True when the text is an HTML page rather than a plain-text document. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<!--')) return /<(html|body|p|div|table)[\s>]/.test(head + text.slice(4096, 65536).toLowerCase());
  return /^<(head|body|meta|div|p|table)[\s>]/.test(head);
}

// Where the site (TRS-based government CMS) and common templates put the article body.
const BODY_SELECTORS = ['#zoom', '.TRS_Editor', '.news_cont_d_wrap', '#content', 'article', 'body'];
const SKIP = new Set(['script', 'style', 'noscript', 'head', 'template', 'select', 'button', 'iframe', 'svg']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote', 'pre', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'form', 'fieldset', 'address', 'figure', 'figcaption',
]);

/**
 * A saved page of the government site as a SourceDocument shaped like the seeds: URL line,
 * `label: value` header lines, a blank line, then the body with one block (paragraph,
 * heading) per line and every table row on its own line, cells TAB-separated.
 */
export function htmlToSource(file: string, html: string): SourceDocument {
  const root = parse(html, { comment: true, blockTextElements: { pre: true } });
  const { header, consumed } = readHtmlHeader(root, html);
  const lines = headerLines(header);
  const container = findBody(root);
  lines.push(...blockLines(container, consumed));
  const { keywords: _keywords, ...documentHeader } = header;
  return { file, lines, header: documentHeader };
}

function headerLines(h: DocumentHeader & { keywords?: string }): string[] {
  const out: string[] = [];
  if (h.url) out.push(h.url);
  for (const [key, label] of HEADER_LABELS) {
    const v = h[key];
    if (v !== undefined) out.push(`${label}: ${v}`);
  }
  if (out.length > 0) out.push('');
  return out;
}

function findBody(root: HTMLElement): HTMLElement {
  for (const sel of BODY_SELECTORS) {
    const el = root.querySelector(sel);
    if (el && el.text.trim()) return el;
  }
  return root;
}

/** Walks the body, cutting lines at block boundaries, <br>, and table cells. */
export function blockLines(container: HTMLElement, skip: ReadonlySet<Node>): string[] {
  const lines: string[] = [];
  let buf = '';
  const flush = () => {
    const line = trimAscii(buf);
    if (line) lines.push(line);
    buf = '';
  };
  const walk = (node: Node): void => {
    if (skip.has(node)) return;
    if (node.nodeType === NodeType.TEXT_NODE) {
      buf += node.text.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') return flush();
    if (tag === 'table') {
      flush();
      tableLines(el, skip, lines);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const c of el.childNodes) walk(c);
    if (block) flush();
  };
  for (const c of container.childNodes) walk(c);
  flush();
  return lines;
}

/**
 * TAB rows as every table reader writes them (formats/table-lines.ts): a cell's blocks and
 * <br> joined by a space, so a lead cell broken over two lines stays one lead cell.
 */
function tableLines(table: HTMLElement, skip: ReadonlySet<Node>, out: string[]): void {
  const rows: TableCell[][] = [];
  for (const row of rowsOf(table)) {
    if (skip.has(row)) continue;
    const cells = childElements(row).filter((c) => (tagOf(c) === 'td' || tagOf(c) === 'th') && !skip.has(c));
    if (cells.length === 0) continue;
    rows.push(cells.map((c) => ({ text: blockLines(c, skip).join(' '), rowSpan: spanOf(c, 'rowspan'), colSpan: spanOf(c, 'colspan') })));
  }
  pushTable(out, tableToLines(rows).map((l) => l.text));
}

function spanOf(cell: HTMLElement, attr: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(cell.getAttribute(attr) ?? '1', 10);
  // Browsers cap spans too; a page with colspan="9999" must not make a line of 9999 cells.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Rows in document order, including those inside thead/tbody/tfoot but not nested tables. */
function rowsOf(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const visit = (el: HTMLElement) => {
    for (const e of childElements(el)) {
      const tag = tagOf(e);
      if (tag === 'tr') rows.push(e);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(e);
    }
  };
  visit(table);
  return rows;
}

function trimAscii(s: string): string {
  return s.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
}
