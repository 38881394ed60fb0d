import { isUtf8, transcode } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type DecodeResult =
  | { ok: true; text: string; encoding: DetectedEncoding; warnings: string[] }
  | { ok: false; reason: 'empty' | 'binary' | 'undecodable'; message: string };

/** Bytes looked at when sniffing for binary content; enough to see any file format header. */
const SNIFF_BYTES = 8192;
/** Share of control characters above which a file is not text (text has almost none). */
const MAX_CONTROL_RATIO = 0.05;
/** Share of U+FFFD in a legacy-decoded text above which the guess was wrong. */
const MAX_REPLACEMENT_RATIO = 0.01;

/** Share of invalid sequences up to which a file still counts as damaged UTF-8. */
const STRAY_UTF8_RATIO = 0.001;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns the bytes of a file into text. Government pages are UTF-8 or, on older sites, GBK;
 * GB18030 is a superset of GBK and GB2312, so every legacy Chinese guess decodes as GB18030.
 * Binary and empty files are refused rather than ingested as garbage.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: 'empty file (0 bytes)' };
  const bom = decodeWithBom(bytes);
  if (bom) return finish(bom.text, bom.encoding, []);
  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, reason: 'binary', message: binary };

  const utf8 = decodeUtf8(bytes);
  if (utf8) return finish(utf8.text, 'utf-8', utf8.warnings);
  // A UTF-8 page with a stray bad byte (a botched copy-paste) is still UTF-8: GB18030 would
  // turn every character of it into mojibake without a single replacement character.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const badUtf8 = countChar(lossy, '\uFFFD');
  if (badUtf8 <= Math.max(1, lossy.length * STRAY_UTF8_RATIO)) {
    return finish(lossy, 'utf-8', [`${badUtf8} invalid UTF-8 sequence(s) replaced with U+FFFD`]);
  }

  // GB18030 first: it is what legacy pages use, and decoding is far cheaper than detection.
  let guess: DetectedEncoding = 'gb18030';
  let text = decodeAs(bytes, guess);
  let bad = countChar(text, '\uFFFD');
  if (bad > text.length * MAX_REPLACEMENT_RATIO && guessLegacy(bytes) === 'big5') {
    guess = 'big5';
    text = decodeAs(bytes, guess);
    bad = countChar(text, '\uFFFD');
  }
  if (bad > text.length * MAX_REPLACEMENT_RATIO) {
    return { ok: false, reason: 'undecodable', message: `not UTF-8 and not readable as ${guess.toUpperCase()} (${bad} undecodable characters)` };
  }
  const warnings = bad > 0 ? [`${bad} undecodable byte sequence(s) replaced with U+FFFD`] : [];
  return finish(text, guess, warnings);
}

function finish(text: string, encoding: DetectedEncoding, warnings: string[]): DecodeResult {
  if (text.trim().length === 0) return { ok: false, reason: 'empty', message: 'empty file (only whitespace)' };
  return { ok: true, text, encoding, warnings };
}

function decodeWithBom(b: Uint8Array): { text: string; encoding: DetectedEncoding } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  return null;
}

/** A reason why the bytes are not text, or null. NUL never occurs in UTF-8 or GB18030 text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === 0) return `binary file (NUL byte at offset ${i})`;
    // Tab, LF, VT, FF, CR and ESC are legitimate in text files.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) control++;
    else if (c === 0x7f) control++;
  }
  if (control > head.length * MAX_CONTROL_RATIO) {
    return `binary file (${control} control bytes in the first ${head.length})`;
  }
  return null;
}

/**
 * Strict UTF-8; a file cut in the middle of a character (a truncated download) still counts
 * as UTF-8 when only its last sequence is incomplete — that character is dropped with a warning.
 */
function decodeUtf8(bytes: Uint8Array): { text: string; warnings: string[] } | null {
  // Valid UTF-8 (nearly every file): ICU's transcoding to UTF-16 and a copy into a string is
  // about ten times faster than TextDecoder for Chinese text, which is all multi-byte.
  if (isUtf8(bytes)) {
    const text = fastUtf8(bytes);
    if (text !== null) return { text, warnings: [] };
  }
  try {
    return { text: utf8Strict.decode(bytes), warnings: [] };
  } catch {
    const cut = incompleteTail(bytes);
    if (cut === 0) return null;
    try {
      const text = utf8Strict.decode(bytes.subarray(0, bytes.length - cut));
      return { text, warnings: [`file ends inside a UTF-8 character (truncated?): ${cut} trailing byte(s) dropped`] };
    } catch {
      return null;
    }
  }
}

/** Valid UTF-8 as a string through ICU; null where Node was built without ICU. */
function fastUtf8(bytes: Uint8Array): string | null {
  try {
    return transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return null;
  }
}

/** Length of an incomplete multi-byte sequence at the very end, 0 if there is none. */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function guessLegacy(bytes: Uint8Array): DetectedEncoding {
  const name = (chardet.detect(bytes.subarray(0, 64 * 1024)) ?? '').toLowerCase();
  return name === 'big5' ? 'big5' : 'gb18030';
}

function decodeAs(bytes: Uint8Array, enc: DetectedEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
