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
  { level: 2, re: /^（([一二三四五六七八九十]+)）/, cn: true },
  { level: 3, re: /^(\d{1,2})[．.](?!\d)/, cn: false },
];

/** Classifies a trimmed line as a numbered heading, or null for body text. */
export function matchHeading(text: string): Heading | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
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
