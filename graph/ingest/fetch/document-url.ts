import { parseHeader, parseHeaderFields } from '../../etl/document-header.ts';
import { contentHash } from '../document-key.ts';
import type { PreparedInput } from '../read-input.ts';

type Ready = Extract<PreparedInput, { ok: true }>;

/**
 * A fetched document carries the address it was fetched from as its URL, as a seed does on its
 * first line: that line is replaced (a saved page's own mark may name where it was once saved
 * from) or put above the header, so the stored text, the document key and the Document's url
 * agree. Page and sheet/row locations move down with the lines.
 */
export function withDocumentUrl(prepared: Ready, url: string): Ready {
  const lines = [...prepared.source.lines];
  const fields = parseHeaderFields(lines);
  const urlLine = fields.find((f) => f.key === 'url');
  let shift = 0;
  if (urlLine) lines[urlLine.line - 1] = url;
  else {
    // Header fields start on line 1: the URL joins them; otherwise it gets a header block of its own.
    const add = fields.some((f) => f.line === 1) ? [url] : [url, ''];
    lines.unshift(...add);
    shift = add.length;
  }
  const header = { ...prepared.source.header, ...parseHeader(lines), url };
  const locations = prepared.locations && shift > 0 ? new Map([...prepared.locations].map(([line, at]) => [line + shift, at])) : prepared.locations;
  return {
    ...prepared,
    source: { ...prepared.source, lines, header },
    hash: contentHash(lines),
    ...(locations ? { locations } : {}),
  };
}
