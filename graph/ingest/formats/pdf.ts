import { FORMAT_LIMITS, FormatRefusal } from './limits.ts';
import type { LineLocations } from './locations.ts';
import { unifyRadicals } from './cjk-radicals.ts';
import { joinWrappedLines, type PdfLine } from './pdf-lines.ts';
import { PdfJsError, readPdfItems, type PdfTextItem } from './pdf-thread.ts';

export interface PdfText {
  lines: string[];
  locations: LineLocations;
  pages: number;
  /** The Title of the PDF's document information, when it has one. */
  title?: string;
  notes: string[];
}

/**
 * The text layer of a PDF (pdf.js, in a thread of its own: pdf-thread.ts) as source lines: text
 * items grouped into lines by baseline, a line the layout wrapped joined back into its paragraph
 * (pdf-lines.ts), each line's page kept. No OCR: a PDF whose pages carry no text is refused as scanned.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  let read;
  try {
    read = await readPdfItems(bytes, FORMAT_LIMITS.maxPdfPages);
  } catch (err) {
    // What pdf.js threw is about the file; the reader thread failing is not.
    if (!(err instanceof PdfJsError)) throw err;
    if (err.pdfName === 'PasswordException') throw new FormatRefusal('refused .pdf: password-protected (encrypted) PDF; save it without a password');
    throw new FormatRefusal(`corrupt .pdf: ${err.message.split('\n')[0]}`);
  }
  const notes: string[] = [];
  const pages = read.pages.length;
  if (read.numPages > pages) notes.push(`.pdf: read the first ${pages} of ${read.numPages} pages (cap ${FORMAT_LIMITS.maxPdfPages})`);
  const all: PdfLine[] = [];
  read.pages.forEach((items, i) => all.push(...pageLines(items, i + 1)));
  if (!all.some((l) => l.text.trim())) {
    throw new FormatRefusal(`refused .pdf: no text layer on any of its ${read.numPages} page(s) — a scanned image; OCR is not supported`);
  }
  const joined = joinWrappedLines(all);
  const locations: LineLocations = new Map();
  joined.forEach((l, i) => locations.set(i + 1, { page: l.page }));
  const title = read.title?.trim() ? unifyRadicals(read.title.trim()) : undefined;
  return { lines: joined.map((l) => l.text), locations, pages: read.numPages, ...(title ? { title } : {}), notes };
}

/** Items on one baseline (within half a glyph) make a line; a line's items are read left to right. */
function pageLines(items: readonly PdfTextItem[], page: number): PdfLine[] {
  const rows: { y: number; size: number; items: PdfTextItem[] }[] = [];
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
