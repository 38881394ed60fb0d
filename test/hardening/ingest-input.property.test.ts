import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { prepareTextInput } from '../../graph/ingest/read-input.ts';
import { damagedDocument } from './arbitraries.ts';

// Documents arriving through ingest: arbitrary bytes, damaged text in several encodings, and
// HTML-looking pages. Each input is either a source in the seed shape or a refusal with a
// reason — never an exception.

const HTML_BITS = ['<html>', '<body>', '<p>', '</p>', '<div class="x">', '</div>', '<table>', '<tr><td>', '</td></tr>', '<br>', '<script>', '</script>',
  '<!--', '-->', '&nbsp;', '&#x4e00;', '&amp;', '<', '>', '索引号：', '<span>文号</span>', '<meta charset="gbk">'];
const htmlish = fc.array(fc.oneof(fc.constantFrom(...HTML_BITS), damagedDocument.map((t) => t.slice(0, 400))), { maxLength: 25 }).map((p) => p.join(''));

function check(bytes: Uint8Array): void {
  const p = prepareTextInput('input', '900_fuzz.txt', bytes);
  if (p.ok) {
    for (const l of p.source.lines) expect(l).not.toContain('\n');
    expect(p.source.lines.some((l) => l.trim())).toBe(true);
  } else {
    expect(['empty', 'binary', 'undecodable', 'unreadable']).toContain(p.reason);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('ingest input on arbitrary bytes', () => {
  it('random bytes become a source or a refusal with a reason', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => check(bytes)), { numRuns: 200 });
  });

  it('damaged text in UTF-8, UTF-16 and GB18030 becomes a source or a refusal', () => {
    fc.assert(
      fc.property(damagedDocument, fc.constantFrom('utf8', 'utf16le', 'gb18030'), fc.boolean(), (text, enc, bom) => {
        const body = iconv.encode(text, enc, { addBOM: bom });
        check(new Uint8Array(body));
      }),
      { numRuns: 120 },
    );
  });

  it('HTML-looking pages become a source or a refusal', () => {
    fc.assert(fc.property(htmlish, (html) => check(new TextEncoder().encode(html))), { numRuns: 120 });
  });
});
