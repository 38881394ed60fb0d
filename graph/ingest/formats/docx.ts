import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { writeParagraphNumbers } from './docx-numbering.ts';
import { FormatRefusal } from './limits.ts';

/**
 * The same .docx with Word's automatic paragraph numbers written into the text (docx-numbering.ts),
 * or the bytes as they are when it numbers nothing.
 */
function withParagraphNumbers(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const doc = files['word/document.xml'];
  const numbering = files['word/numbering.xml'];
  if (!doc || !numbering) return bytes;
  const styles = files['word/styles.xml'];
  files['word/document.xml'] = strToU8(writeParagraphNumbers(strFromU8(doc), strFromU8(numbering), styles ? strFromU8(styles) : ''));
  return zipSync(files, { level: 0 });
}

/**
 * A Word document as HTML (mammoth: paragraphs, headings, tables with their merged cells as
 * rowspan/colspan), for the HTML reader to turn into source lines: one reading of tables for
 * pages and Word files. Images are dropped (no text in them); the zip was checked before.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; notes: string[] }> {
  try {
    const numbered = withParagraphNumbers(bytes);
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(numbered.buffer, numbered.byteOffset, numbered.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    const errors = result.messages.filter((m) => m.type === 'error');
    const notes = errors.length > 0 ? [`.docx: ${errors.length} part(s) not read (${errors[0]!.message})`] : [];
    return { html: `<html><body>${result.value}</body></html>`, notes };
  } catch (err) {
    throw new FormatRefusal(`corrupt .docx: ${(err as Error).message.split('\n')[0]}`);
  }
}
