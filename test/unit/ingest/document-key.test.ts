import { describe, expect, it } from 'vitest';
import { contentHash, documentKey, normaliseNumber, normaliseText } from '../../../graph/ingest/document-key.ts';

describe('documentKey', () => {
  it('prefers the URL, then the 文号, then the content hash', () => {
    const url = 'http://www.sz.gov.cn/zfgb/2009/gb638/200902/t20090219_818790.htm';
    expect(documentKey({ url, number: '深府〔2009〕9号' }, 'abc')).toBe('url:www.sz.gov.cn/zfgb/2009/gb638/200902/t20090219_818790.htm');
    expect(documentKey({ number: '深府 [2009] 9号' }, 'abc')).toBe('number:深府〔2009〕9号');
    expect(documentKey({}, 'abc')).toBe('sha256:abc');
  });

  it('treats http and https, a trailing slash and a fragment as the same page', () => {
    const a = documentKey({ url: 'https://WWW.sz.gov.cn/a/b.htm#top' }, 'x');
    expect(a).toBe(documentKey({ url: 'http://www.sz.gov.cn/a/b.htm/' }, 'y'));
  });

  it('normalises the year brackets of a 文号', () => {
    expect(normaliseNumber('深府（2011）194号')).toBe('深府〔2011〕194号');
    expect(normaliseNumber('   ')).toBeUndefined();
  });
});

describe('contentHash', () => {
  it('ignores whitespace and blank lines but not wording', () => {
    const a = contentHash(['　　一、指导思想', '', '全面落实 科学发展观']);
    expect(contentHash(['一、指导思想', '\u00a0', '全面落实科学发展观  '])).toBe(a);
    expect(contentHash(['一、指导思想', '全面落实科学发展'])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps line breaks significant', () => {
    expect(contentHash(['ab', 'c'])).not.toBe(contentHash(['a', 'bc']));
  });
});

describe('normaliseText', () => {
  it('drops the BOM and turns CRLF and CR into LF', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
