import { extname } from 'node:path';
import { FetchRefusal } from './fetch-refusal.ts';

/** Link endings fetched as attachments, and the media types a server may send for each. */
const TYPES: Record<string, readonly string[]> = {
  '.pdf': ['application/pdf', 'application/x-pdf'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  '.xls': ['application/vnd.ms-excel', 'application/excel', 'application/x-excel', 'application/x-msexcel'],
  // Windows servers send .csv as an Excel type.
  '.csv': ['text/csv', 'application/csv', 'text/comma-separated-values', 'text/plain', 'application/vnd.ms-excel'],
  '.txt': ['text/plain'],
  '.htm': ['text/html', 'application/xhtml+xml'],
  '.html': ['text/html', 'application/xhtml+xml'],
};
export const ATTACHMENT_EXTENSIONS = Object.keys(TYPES);
const PAGE_TYPES = TYPES['.html']!;
/** Types that say nothing about the content: the link's ending decides. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/download', 'application/x-download', 'application/force-download', 'application/unknown']);

export type Served = { kind: 'page' } | { kind: 'document'; ext: string };

/** The ending of a URL's path, lower case ('' when none). */
export function urlExtension(url: URL): string {
  return extname(decodeURIComponent(url.pathname)).toLowerCase();
}

/**
 * What a URL named on the command line gave: an HTML page (its attachment links are followed)
 * or a document of a supported format; anything else is refused.
 */
export function servedAs(url: URL, contentType: string): Served {
  if (PAGE_TYPES.includes(contentType)) return { kind: 'page' };
  const ext = urlExtension(url);
  const byType = Object.entries(TYPES).find(([e, types]) => e !== '.htm' && e !== '.html' && types.includes(contentType))?.[0];
  if (TYPES[ext] && (GENERIC.has(contentType) || TYPES[ext]!.includes(contentType))) return { kind: 'document', ext };
  if (byType) return { kind: 'document', ext: byType };
  throw new FetchRefusal(`served as ${contentType || 'no content type'}, not an HTML page or a supported document`);
}

/**
 * An attachment must be what its link says: a .xlsx link answered with text/html is an error or
 * login page, not the table, so the type must fit the ending (or say nothing).
 */
export function checkAttachmentType(url: URL, contentType: string): string {
  const ext = urlExtension(url);
  const types = TYPES[ext];
  if (!types) throw new FetchRefusal(`${ext || 'no file ending'} is not a supported attachment`);
  if (GENERIC.has(contentType) || types.includes(contentType)) return ext;
  throw new FetchRefusal(`a ${ext} link served as ${contentType}, not a ${ext} file`);
}
