import PDFDocument from 'pdfkit';

/** A CJK font every machine with fonts-noto-cjk has (the browser tests need it too). */
export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

/**
 * A text PDF of exactly `pages` A4 pages from the lines given (repeated as needed), laid out by
 * pdfkit as a word processor would: wrapped paragraphs, the first line of each indented.
 */
export function makePdf(lines: readonly string[], pages: number, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: title, CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    let count = 1;
    doc.on('pageAdded', () => count++);
    doc.font(CJK_FONT.path, CJK_FONT.family).fontSize(12);
    const body = lines.filter((l) => l.trim());
    if (body.length === 0) throw new Error('no text for the PDF');
    // The page that would be one too many is never started: each paragraph is measured first.
    for (let i = 0; ; i++) {
      const text = body[i % body.length]!.trim();
      const height = doc.heightOfString(text, { indent: 24 });
      if (doc.y + height > doc.page.maxY() && count === pages) break;
      doc.text(text, { indent: 24 });
    }
    doc.end();
  });
}
