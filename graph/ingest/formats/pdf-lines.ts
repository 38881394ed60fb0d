/** A line of a PDF page as laid out: its text, page, and where it starts and ends horizontally. */
export interface PdfLine {
  text: string;
  page: number;
  left: number;
  right: number;
  /** Glyph size (points). */
  size: number;
}

/**
 * Paragraphs the page layout wrapped, joined back into one line each, as the document's text
 * had them: a line that runs to the right edge of the text block continues on the next line
 * (also across a page break) unless that line starts indented, or the two differ in size.
 * Chinese text is joined without a space; a Latin word broken at the edge gets one.
 */
export function joinWrappedLines(lines: readonly PdfLine[]): PdfLine[] {
  const edges = rightEdges(lines);
  const lefts = leftMargins(lines);
  const out: PdfLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const edge = prev ? (edges.get(prev.page) ?? prev.right) : 0;
    const margin = lefts.get(line.page) ?? line.left;
    // The layout breaks a line early when the next word cannot be split ("（2010―2020）》、"): the
    // previous line may end that word's width short of the edge.
    const runsToEdge = prev !== undefined && prev.right >= edge - prev.size * (1.5 + leadingRunEm(line.text));
    const indented = line.left > margin + line.size * 0.9 || /^[\u3000\s]/u.test(line.text);
    if (prev && runsToEdge && !indented && Math.abs(prev.size - line.size) < 0.5) {
      const space = /[A-Za-z0-9,.;:]$/.test(prev.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : '';
      out[out.length - 1] = { ...prev, text: prev.text + space + line.text, right: line.right };
      // The joined line keeps the page it started on; its right end is now that of its last part.
      out[out.length - 1]!.page = prev.page;
      continue;
    }
    out.push({ ...line });
  }
  return out;
}

/**
 * Width in glyphs of the run a line starts with that a layout would not break: opening brackets,
 * a Latin/digit word or one character, and the closing punctuation that may not start a line.
 */
function leadingRunEm(text: string): number {
  const run = /^[（(《“"‘'[【]*(?:[A-Za-z0-9―–—\-.,/:%+]+|.)[）)》”"’'\]】、，。；：！？]*/u.exec(text)?.[0] ?? '';
  let em = 0;
  for (const ch of run) em += /[A-Za-z0-9.,/:%+-]/.test(ch) ? 0.6 : 1;
  return em;
}

/**
 * The right edge of each page's text block: the right end shared by the most lines (those the
 * layout filled), not the furthest right, which a wide table or header may pass.
 */
function rightEdges(lines: readonly PdfLine[]): Map<number, number> {
  const byPage = new Map<number, number[]>();
  for (const l of lines) (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(l.right);
  const m = new Map<number, number>();
  for (const [page, rights] of byPage) {
    const sorted = rights.sort((a, b) => a - b);
    let best = sorted[sorted.length - 1]!;
    let bestCount = 0;
    for (let i = 0, j = 0; i < sorted.length; i++) {
      while (sorted[i]! - sorted[j]! > 12) j++;
      if (i - j + 1 >= bestCount) {
        bestCount = i - j + 1;
        best = sorted[i]!;
      }
    }
    m.set(page, best);
  }
  return m;
}

/** The left margin of each page: where most of its lines start. */
function leftMargins(lines: readonly PdfLine[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const l of lines) m.set(l.page, Math.min(m.get(l.page) ?? Infinity, l.left));
  return m;
}
