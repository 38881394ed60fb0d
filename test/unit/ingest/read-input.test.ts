import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../graph/ingest/document-key.ts';
import { htmlToSource } from '../../../graph/ingest/html-to-source.ts';
import { prepareInput } from '../../../graph/ingest/read-input.ts';

describe('prepareInput', () => {
  it('reads a GB18030-encoded HTML page (older sites) to the same content as the UTF-8 page', async () => {
    const utf8 = readFileSync('test/fixtures/ingest/000-page.html', 'utf8');
    const html = utf8.replace('charset="utf-8"', 'charset="gb2312"');
    const p = await prepareInput('old.html', 'old.html', iconv.encode(html, 'gb18030'));
    expect(p.ok && [p.encoding, p.format, p.hash]).toEqual(['gb18030', 'html', contentHash(htmlToSource('old.txt', utf8).lines)]);
  });

  it('refuses a page with no text', async () => {
    const p = await prepareInput('blank.html', 'blank.html', Buffer.from('<html><body><div id="zoom"><p> </p></div><script>x()</script></body></html>'));
    expect(p).toEqual({ ok: false, input: 'blank.html', reason: 'empty', message: 'no text in the page', bytes: 75 });
  });
});
