import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffBinary } from '../../../graph/ingest/decode.ts';

const FIX = 'test/fixtures/ingest';
const seed004 = readFileSync('seeds/004_6d8794a7fddf0732.txt', 'utf8');
const seed000 = readFileSync('seeds/000_2ebb2acb91732bad.txt', 'utf8');

describe('decodeBytes', () => {
  it('reads a UTF-8 seed as is', () => {
    const r = decodeBytes(readFileSync('seeds/000_2ebb2acb91732bad.txt'));
    expect(r).toEqual({ ok: true, text: seed000, encoding: 'utf-8', warnings: [] });
  });

  it('reads characters outside the BMP and at a Uint8Array offset as TextDecoder does', () => {
    const text = `深圳𠀀市\u3000科技𝒳局\n${seed004.slice(0, 200)}`;
    const padded = new Uint8Array(Buffer.from(`xx${text}`, 'utf8'));
    const r = decodeBytes(padded.subarray(2));
    expect(r).toEqual({ ok: true, text, encoding: 'utf-8', warnings: [] });
  });

  it('detects the GB18030 copy of 004 and decodes it to the seed text (CRLF kept for the reader)', () => {
    const r = decodeBytes(readFileSync(`${FIX}/004-gb18030.txt`));
    expect(r.ok && r.encoding).toBe('gb18030');
    expect(r.ok && r.text.replace(/\r\n/g, '\n')).toBe(seed004);
  });

  it('decodes GBK bytes (a GB18030 subset) as GB18030', () => {
    const r = decodeBytes(iconv.encode('深圳市科技信息局牵头，市财政局配合。', 'gbk'));
    expect(r).toEqual({ ok: true, text: '深圳市科技信息局牵头，市财政局配合。', encoding: 'gb18030', warnings: [] });
  });

  it('strips a UTF-8 BOM and reads UTF-16 with a BOM', () => {
    expect(decodeBytes(Buffer.from('\uFEFF深圳', 'utf8'))).toMatchObject({ ok: true, text: '深圳', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('深圳', 'utf16le')]))).toMatchObject({
      ok: true,
      text: '深圳',
      encoding: 'utf-16le',
    });
  });

  it('keeps a truncated UTF-8 file, dropping the cut character with a warning', () => {
    const bytes = readFileSync(`${FIX}/000-truncated.txt`);
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual(['file ends inside a UTF-8 character (truncated?): 1 trailing byte(s) dropped']);
    expect(r.text.endsWith('\n52.建设国')).toBe(true);
    expect(seed000.startsWith(r.text)).toBe(true);
  });

  it('refuses binary and empty files with a reason', () => {
    expect(decodeBytes(readFileSync(`${FIX}/binary.txt`))).toEqual({
      ok: false,
      reason: 'binary',
      message: 'binary file (NUL byte at offset 8)',
    });
    expect(decodeBytes(readFileSync(`${FIX}/empty.txt`))).toEqual({ ok: false, reason: 'empty', message: 'empty file (0 bytes)' });
    expect(decodeBytes(Buffer.from(' \n\u3000\r\n\t'))).toEqual({ ok: false, reason: 'empty', message: 'empty file (only whitespace)' });
  });

  it('counts control bytes when there is no NUL', () => {
    const noisy = Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)));
    expect(sniffBinary(noisy)).toBe('binary file (10 control bytes in the first 100)');
    expect(sniffBinary(Buffer.from('a\tb\r\nc\x1b[0m'))).toBeNull();
  });
});

describe('decodeBytes on damaged UTF-8', () => {
  it('keeps UTF-8 with one stray byte, replacing it, rather than reading it as GB18030', () => {
    const good = Buffer.from(seed000.slice(0, 3000), 'utf8');
    const bytes = Buffer.concat([good.subarray(0, 1000), Buffer.from([0xff]), good.subarray(1000)]);
    const r = decodeBytes(bytes);
    expect(r.ok && [r.encoding, r.warnings]).toEqual(['utf-8', ['1 invalid UTF-8 sequence(s) replaced with U+FFFD']]);
    expect(r.ok && r.text.replace('\uFFFD', '')).toBe(seed000.slice(0, 3000));
  });
});
