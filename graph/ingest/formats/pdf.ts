import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FORMAT_LIMITS, FormatRefusal } from './limits.ts';
import type { LineLocations } from './locations.ts';
import { unifyRadicals } from './cjk-radicals.ts';
import { joinWrappedLines, type PdfLine } from './pdf-lines.ts';

export interface PdfText {
  lines: string[];
  locations: LineLocations;
  pages: number;
  /** The Title of the PDF's document information, when it has one. */
  title?: string;
  notes: string[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const PDFJS_BUILD = join(PDFJS_DIR, 'legacy', 'build');

/**
 * The minified builds: the same pdf.js without a source map. Under the TypeScript loader (tsx)
 * the plain builds' 4 MB of maps are read and indexed on load, a second of every cold PDF read.
 */
async function loadPdfJs(): Promise<PdfJs> {
  const lib = (await import(pathToFileURL(join(PDFJS_BUILD, 'pdf.min.mjs')).href)) as PdfJs;
  lib.GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS_BUILD, 'pdf.worker.min.mjs')).href;
  return lib;
}

type TextItem = Pick<import('pdfjs-dist/types/src/display/api').TextItem, 'str' | 'transform' | 'width' | 'height'>;

/**
 * The text layer of a PDF (pdf.js) as source lines: text items grouped into lines by baseline,
 * a line the layout wrapped joined back into its paragraph (pdf-lines.ts), each line's page kept.
 * No OCR: a PDF whose pages carry no text is refused as scanned.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const lib = await (pdfjs ??= loadPdfJs());
  const task = lib.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
    data: new Uint8Array(bytes),
    cMapUrl: pathToFileURL(join(PDFJS_DIR, 'cmaps') + '/').href,
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(PDFJS_DIR, 'standard_fonts') + '/').href,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    const e = err as Error;
    if (e.name === 'PasswordException') throw new FormatRefusal('refused .pdf: password-protected (encrypted) PDF; save it without a password');
    throw new FormatRefusal(`corrupt .pdf: ${e.message.split('\n')[0]}`);
  }
  try {
    const notes: string[] = [];
    const pages = Math.min(doc.numPages, FORMAT_LIMITS.maxPdfPages);
    if (doc.numPages > pages) notes.push(`.pdf: read the first ${pages} of ${doc.numPages} pages (cap ${FORMAT_LIMITS.maxPdfPages})`);
    const all: PdfLine[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      all.push(...pageLines(content.items.flatMap((i) => ('str' in i ? [i] : [])), p));
      page.cleanup();
    }
    if (!all.some((l) => l.text.trim())) {
      throw new FormatRefusal(`refused .pdf: no text layer on any of its ${doc.numPages} page(s) — a scanned image; OCR is not supported`);
    }
    const joined = joinWrappedLines(all);
    const locations: LineLocations = new Map();
    joined.forEach((l, i) => locations.set(i + 1, { page: l.page }));
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? unifyRadicals(info.Title.trim()) : undefined;
    return { lines: joined.map((l) => l.text), locations, pages: doc.numPages, ...(title ? { title } : {}), notes };
  } catch (err) {
    if (err instanceof FormatRefusal) throw err;
    throw new FormatRefusal(`corrupt .pdf: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await doc.destroy();
  }
}

/** Items on one baseline (within half a glyph) make a line; a line's items are read left to right. */
function pageLines(items: readonly TextItem[], page: number): PdfLine[] {
  const rows: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of items) {
    if (it.str === '' && it.width === 0) continue;
    const y = it.transform[5] ?? 0;
    const size = Math.abs(it.transform[3] ?? 0) || it.height || 10;
    const row = rows.find((r) => Math.abs(r.y - y) < Math.min(r.size, size) / 2);
    if (row) row.items.push(it);
    else rows.push({ y, size, items: [it] });
  }
  rows.sort((a, b) => b.y - a.y);
  const out: PdfLine[] = [];
  for (const r of rows) {
    r.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    let text = '';
    let right = -Infinity;
    for (const it of r.items) {
      const x = it.transform[4] ?? 0;
      // A gap wider than a third of a glyph between two runs is a space the PDF did not draw.
      if (text && x - right > r.size / 3 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      text += it.str;
      right = Math.max(right, x + it.width);
    }
    if (!text.trim()) continue;
    const left = r.items[0]?.transform[4] ?? 0;
    out.push({ text: unifyRadicals(text.replace(/[ \t]+$/u, '')), page, left, right, size: r.size });
  }
  return out;
}
