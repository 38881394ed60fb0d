import type { TimeInterval } from '../model/index.ts';
import { parseChineseNumber } from './chinese-numerals.ts';

/** What a document itself defines: its plan periods (四、2008―2010年主要工作) and what 近期 means. */
export interface TimeContext {
  periods: { start: number; end: number }[];
  nearTerm?: { start: number; end: number };
  /** The year the document was published (发布日期): what 三年内 counts from when it states no period. */
  published?: number;
}

const FIVE_YEAR: Record<string, number> = { 一: 2006, 二: 2011, 三: 2016, 四: 2021, 五: 2026 }; // 十X五 → first year

const COUNT = '[1-9一二两三四五六七八九十]{1,2}';
const NAMED = [
    '(?<fyp>“?十(?<fypn>[一二三四五])五”?(?:期间|时期|期末|末))',
    '(?<near>近期)',
    '(?<rel>年底前?)',
    '(?<rng>(?<r1>(?:19|20)\\d{2})年?[―\\-–—~至到](?<r2>(?:19|20)\\d{2})年)',
    // 2012年起5年内 is 2012–2016, not the year 2012; 三年内 counts from the document's own period.
    `(?<since>(?<sy>(?:19|20)\\d{2})年起(?<sn>${COUNT})年内)`,
    `(?<nin>(?<nn>${COUNT})年内)`,
    '(?<pre>到|至|截至)?(?<y>(?:19|20)\\d{2})(?:(?:年年|年)?(?<end>底|末)|年第?(?<q>[一二三四1-4])季度|年(?<h>上|下)半年|年(?<m>1[0-2]|0?[1-9])月(?:(?<d>[1-3]?\\d)日|(?<mend>底|末))?|年(?<within>内)?)(?<by>前|以前)?',
].join('|');
// The same pattern with plain groups: a match then builds no groups object (the hot path).
const RE = new RegExp(NAMED.replace(/\(\?<\w+>/g, '('), 'g');
type Groups = Record<string, string | undefined>;
const GROUP_NAMES = [...NAMED.matchAll(/\(\?<(\w+)>/g)].map((g) => g[1] ?? '');
function groupsOf(m: RegExpExecArray): Groups {
  const g: Groups = {};
  for (let i = 0; i < GROUP_NAMES.length; i++) if (m[i + 1] !== undefined) g[GROUP_NAMES[i]!] = m[i + 1];
  return g;
}

const MAYBE_TIME = /[年期末]|(?:19|20)\d\d/;

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDay(y, m))}`;

function period(text: string, start: number, end: number): TimeInterval {
  return { text, start: `${start}-01-01`, end: `${end}-12-31`, precision: 'period', label: `${start}–${end}` };
}

/**
 * Normalises every time expression in `text` to an interval with its precision, keeping the words:
 * 2009年底 → by 2009-12-31 (year), 2010年10月前 → by 2010-10, 2009年第四季度 → 2009-Q4,
 * 到2015年 and “十二五”期间 → 2011–2015, 近期 → the document's own near-term period,
 * a bare 年底 → the end of the year named just before it.
 */
export function parseTimeExpressions(text: string, context: TimeContext = { periods: [] }): TimeInterval[] {
  // Every expression has 年, 期 (期间, 时期, 近期), 末 (“十四五”末) or a year 19xx/20xx: most text has none.
  if (!MAYBE_TIME.test(text)) return [];
  const out: TimeInterval[] = [];
  const seen = new Set<string>();
  let lastYear: number | null = null;
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    if (text[m.index - 1] === '比') continue; // 比2005年增长: a baseline, not a deadline
    const g = groupsOf(m);
    // "2010年10月项目正式动工，年底完成基础工程": a bare 年底 is the end of the year just named.
    const t = g.rel ? (lastYear ? { text: m[0], start: null, end: `${lastYear}-12-31`, precision: 'year' as const, label: String(lastYear) } : null) : toInterval(m[0], g, context);
    if (g.y) lastYear = Number(g.y);
    if (!t) continue;
    const key = `${t.text}|${t.label}|${t.start}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

function toInterval(text: string, g: Record<string, string | undefined>, ctx: TimeContext): TimeInterval | null {
  if (g.fyp) {
    const start = FIVE_YEAR[g.fypn ?? ''] ?? 0;
    return period(text, start, start + 4);
  }
  if (g.near) return ctx.nearTerm ? period(text, ctx.nearTerm.start, ctx.nearTerm.end) : null;
  if (g.since) {
    const n = countOf(g.sn ?? '');
    return n ? period(text, Number(g.sy), Number(g.sy) + n - 1) : null;
  }
  if (g.nin) {
    const n = countOf(g.nn ?? '');
    const from = ctx.periods[0]?.start ?? ctx.published;
    return n && from ? period(text, from, from + n - 1) : null;
  }
  if (g.rng) return period(text, Number(g.r1), Number(g.r2));
  const y = Number(g.y);
  const by = Boolean(g.by);
  if (g.end) return { text, start: null, end: `${y}-12-31`, precision: 'year', label: String(y) };
  if (g.q) {
    const q = QUARTERS[g.q] ?? 4;
    return { text, start: by ? null : `${y}-${pad(q * 3 - 2)}-01`, end: monthEnd(y, q * 3), precision: 'quarter', label: `${y}-Q${q}` };
  }
  if (g.h) {
    const h = g.h === '上' ? 1 : 2;
    return { text, start: by ? null : `${y}-${h === 1 ? '01' : '07'}-01`, end: monthEnd(y, h * 6), precision: 'half', label: `${y}-H${h}` };
  }
  if (g.m && g.d) {
    // 2024年6月30日前: by that day.
    const mo = Number(g.m);
    const day = `${y}-${pad(mo)}-${pad(Math.min(Number(g.d), lastDay(y, mo)))}`;
    return { text, start: by ? null : day, end: day, precision: 'day', label: day };
  }
  if (g.m) {
    const mo = Number(g.m);
    const open = by || Boolean(g.mend);
    return { text, start: open ? null : `${y}-${pad(mo)}-01`, end: monthEnd(y, mo), precision: 'month', label: `${y}-${pad(mo)}` };
  }
  if (g.pre) {
    // 到2015年: the plan period ending that year, as the document defines it; else simply "by".
    const p = ctx.periods.find((x) => x.end === y);
    if (p) return period(text, p.start, p.end);
    return { text, start: null, end: `${y}-12-31`, precision: 'year', label: String(y) };
  }
  return { text, start: by ? null : `${y}-01-01`, end: `${y}-12-31`, precision: 'year', label: String(y) };
}

function countOf(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (parseChineseNumber(text.replace('两', '二')) ?? 0);
}

const ONGOING = /^(?:长期|持续推进|持续开展|持续实施|长期坚持|长期推进|常态化推进|常态化开展|持续)$/;
const RECURRING = /^每(年|季度|半年|月)/;

/**
 * A deadline cell (完成时限 / 时间节点 …) read whole: 长期 / 持续推进 are ongoing and 每年 / 每季度
 * recurring, over the document's own period where it states one; anything else as parseTimeExpressions.
 */
export function parseDeadlineText(text: string, context: TimeContext = { periods: [] }): TimeInterval[] {
  const t = text.trim().replace(/[。；;]$/, '');
  const p = context.periods[0];
  const span = { start: p ? `${p.start}-01-01` : null, end: p ? `${p.end}-12-31` : '' };
  if (ONGOING.test(t)) return [{ text: t, ...span, precision: 'ongoing', label: p ? `ongoing ${p.start}–${p.end}` : 'ongoing' }];
  const r = RECURRING.exec(t);
  const out = parseTimeExpressions(t, context);
  if (r) out.unshift({ text: r[0], ...span, precision: 'recurring', label: `every ${RECURRING_UNIT[r[1] ?? ''] ?? r[1]}` });
  return out;
}

const RECURRING_UNIT: Record<string, string> = { 年: 'year', 季度: 'quarter', 半年: 'half-year', 月: 'month' };

/** Plan periods from the document's headings and wording; 近期 is its first period. */
export function readTimeContext(headings: readonly string[], lines: readonly string[], published?: string): TimeContext {
  const periods: TimeContext['periods'] = [];
  // A period in the title (…行动方案（2025—2027年）) is the document's own.
  for (const line of lines.slice(0, 12)) {
    const m = /((?:19|20)\d{2})年?[―\-–—~至]((?:19|20)\d{2})年/.exec(line);
    if (m && (line.includes('方案') || line.includes('规划') || line.includes('计划') || line.includes('纲要'))) periods.push({ start: Number(m[1]), end: Number(m[2]) });
  }
  for (const h of headings) {
    const m = /((?:19|20)\d{2})[―\-–—~至]((?:19|20)\d{2})年/.exec(h);
    if (m && !periods.some((p) => p.start === Number(m[1]) && p.end === Number(m[2]))) periods.push({ start: Number(m[1]), end: Number(m[2]) });
  }
  // Line by line (a period name never spans lines), and only lines that can hold one.
  for (const line of lines) {
    if (!line.includes('五')) continue;
    for (const m of line.matchAll(/十([一二三四五])五”?(?:期间|时期|期末|末)/g)) {
      const start = FIVE_YEAR[m[1] ?? ''] ?? 0;
      if (!periods.some((p) => p.start === start)) periods.push({ start, end: start + 4 });
    }
  }
  const dated = periods.filter((p) => headings.some((h) => h.includes(String(p.start))));
  const first = [...dated].sort((a, b) => a.start - b.start)[0];
  const year = published ? Number(/(?:19|20)\d{2}/.exec(published)?.[0]) : NaN;
  const base: TimeContext = Number.isFinite(year) ? { periods, published: year } : { periods };
  return first ? { ...base, nearTerm: first } : base;
}
