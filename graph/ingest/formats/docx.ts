import mammoth from 'mammoth';
import { FormatRefusal } from './limits.ts';

/**
 * A Word document as HTML (mammoth: paragraphs, headings, tables with their merged cells as
 * rowspan/colspan), for the HTML reader to turn into source lines: one reading of tables for
 * pages and Word files. Images are dropped (no text in them); the zip was checked before.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; notes: string[] }> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    const errors = result.messages.filter((m) => m.type === 'error');
    const notes = errors.length > 0 ? [`.docx: ${errors.length} part(s) not read (${errors[0]!.message})`] : [];
    return { html: `<html><body>${result.value}</body></html>`, notes };
  } catch (err) {
    throw new FormatRefusal(`corrupt .docx: ${(err as Error).message.split('\n')[0]}`);
  }
}
