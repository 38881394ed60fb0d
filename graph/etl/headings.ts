import { parseChineseNumber } from './chinese-numerals.ts';

export interface Heading {
  level: 1 | 2 | 3; // 一、 / （一） / 1．
  no: number;
  /** The heading as quoted: marker and title, up to its first 。 (body may follow on the line). */
  quote: string;
  title: string;
}

const PATTERNS: { level: 1 | 2 | 3; re: RegExp; cn: boolean }[] = [
  { level: 1, re: /^([一二三四五六七八九十]+)、/, cn: true },
  // Measures and regulations: 第一章 总则 / 第一节 / 第一条 (articles are numbered through the whole text).
  { level: 1, re: /^第([一二三四五六七八九十]+)章[\s\u3000]*/u, cn: true },
  { level: 2, re: /^（([一二三四五六七八九十]+)）/, cn: true },
  { level: 2, re: /^第([一二三四五六七八九十]+)节[\s\u3000]*/u, cn: true },
  { level: 3, re: /^(\d{1,2})[．.](?!\d)/, cn: false },
  { level: 3, re: /^第([一二三四五六七八九十百零〇]+)条[\s\u3000]*/u, cn: true },
];

// 12.3D打印推广项目: a digit after the dot, read as a heading only where the numbering expects it.
const DIGIT_TITLE = /^(\d{1,2})[．.](?=\d)/;
// 2.5亿元 / 1.5倍 / 3.2%: a number, not a heading.
const QUANTITY = /^\d+(?:[.．]\d+)?(?:[亿万千百十个倍%％]|平方|公里|米|元)/;

const HEADING_START = new Set([...'一二三四五六七八九十第（0123456789'].map((c) => c.charCodeAt(0)));

/**
 * Classifies a trimmed line as a numbered heading, or null for body text. `previousNo` is the
 * number of the 1．-level heading just before it under the same parent, if any: the next number
 * is a heading even when its title starts with a digit.
 */
export function matchHeading(text: string, previousNo?: number): Heading | null {
  // Every heading starts with a numeral, 第 or （: most lines are body text and try no pattern.
  if (!HEADING_START.has(text.charCodeAt(0))) return null;
  for (const p of PATTERNS) {
    let m = p.re.exec(text);
    if (!m && p.level === 3 && previousNo !== undefined) {
      const d = DIGIT_TITLE.exec(text);
      if (d && Number(d[1]) === previousNo + 1 && !QUANTITY.test(text.slice(d[0].length))) m = d;
    }
    if (!m) continue;
    const no = p.cn ? parseChineseNumber(m[1] ?? '') : Number(m[1]);
    if (no === null || no <= 0) return null;
    const stop = text.indexOf('。');
    const quote = (stop < 0 ? text : text.slice(0, stop)).trimEnd();
    const title = quote.slice(m[0].length).trim();
    if (!title) return null;
    return { level: p.level, no, quote, title };
  }
  return null;
}

/** First clause of a sentence: enough to name a task whose text has no heading. */
export function firstClause(text: string, max = 40): string {
  const m = /^[^，。；：:,;]+/.exec(text.trim());
  const clause = m ? m[0] : text.trim();
  return clause.length > max ? clause.slice(0, max) : clause;
}
