import { toChineseNumber } from '../../etl/chinese-numerals.ts';

const ROMAN: readonly [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** a … z, then aa … zz, as Word letters lists. */
function letters(n: number): string {
  const c = String.fromCharCode(0x61 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** 一 … 九十九, then 一百 … as Chinese counting writes them (一百零五, 一百一十). */
function chinese(n: number): string {
  if (n < 100) return toChineseNumber(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = `${toChineseNumber(hundreds)}百`;
  if (rest === 0) return head;
  return rest < 10 ? `${head}零${toChineseNumber(rest)}` : `${head}${rest < 20 ? '一' : ''}${toChineseNumber(rest)}`;
}

/** A list counter in a Word number format (w:numFmt); formats not listed here are written in decimal. */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return n >= 1 && n < 1000 ? chinese(n) : String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return n >= 1 ? letters(n) : String(n);
    case 'upperLetter':
      return n >= 1 ? letters(n).toUpperCase() : String(n);
    case 'lowerRoman':
      return n >= 1 ? roman(n) : String(n);
    case 'upperRoman':
      return n >= 1 ? roman(n).toUpperCase() : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}
