import { toChineseNumber } from './chinese-numerals.ts';
import { findTableHeader } from './division-table.ts';
import { firstClause, matchHeading } from './headings.ts';

export interface LineText {
  line: number; // 1-based
  text: string; // substring of that line
}

/** One section of the text: a numbered heading (or an inferred part) with its own body lines. */
export interface SectionRecord {
  path: string; // "4.1.2"; inline work items add one more segment
  depth: number;
  title: string;
  titleLine: number;
  quote: string; // substring of titleLine naming the section
  lines: number[];
  parentPath: string | null;
  goals?: LineText;
  work?: LineText;
  /** Text read for deadlines: heading and body, or the item itself. */
  texts: LineText[];
  inline: boolean;
}

const STOP = /^附[表录][:：]/; // the annex (table, roadmaps) is not section text
const GOALS = '主要目标：';
const WORK = '工作任务：';
const ITEM = /（(\d{1,2})）/g;

interface Open { rec: SectionRecord; level: number; no?: number }

/** Reads the heading hierarchy 一、/（一）/1．, and (1) items inside 工作任务. */
export function parseSections(lines: readonly string[], skip?: (line: number) => boolean): SectionRecord[] {
  const end = findEnd(lines);
  const partsMode = !lines.slice(0, end).some((l) => matchHeading(l.trim())?.level === 1);
  const out: SectionRecord[] = [];
  const paths = new Set<string>();
  const stack: Open[] = [];
  let partNo = 0;
  let started = !partsMode;
  let pendingPart = false;
  for (let i = 0; i < end; i++) {
    const raw = lines[i] ?? '';
    const text = raw.trim();
    const line = i + 1;
    if (skip?.(line)) continue; // a table laid out one row per line is not section text
    if (!text) {
      // Parts mode: a whitespace-only line (the lost 一、二、 headings) separates top-level parts.
      if (partsMode && raw.length > 0) {
        started = true;
        pendingPart = true;
        stack.length = 0;
      }
      continue;
    }
    // No separator before the first numbered heading: read the headings without inferred parts.
    const top = stack[stack.length - 1];
    const previousNo = top?.level === 3 ? top.no : undefined;
    if (!started && matchHeading(text, previousNo)) started = true;
    if (!started) continue;
    if (pendingPart) {
      pendingPart = false;
      partNo += 1;
      const rec = newRecord(uniquePath(String(partNo), paths), 1, '', line, firstClause(text), null);
      out.push(rec);
      stack.push({ rec, level: 0 });
    }
    const h = matchHeading(text, previousNo);
    if (h) {
      const level = h.level;
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      const parent = stack[stack.length - 1]?.rec ?? null;
      const path = uniquePath(parent ? `${parent.path}.${h.no}` : String(h.no), paths);
      const rec = newRecord(path, (parent?.depth ?? 0) + 1, h.title, line, h.quote, parent?.path ?? null);
      rec.lines.push(line);
      rec.texts.push({ line, text });
      out.push(rec);
      stack.push({ rec, level, no: h.no });
      continue;
    }
    const cur = stack[stack.length - 1]?.rec;
    if (!cur) continue; // preamble before the first heading
    cur.lines.push(line);
    if (text.startsWith(GOALS)) cur.goals = { line, text: text.slice(GOALS.length) };
    if (text.startsWith(WORK)) {
      cur.work = { line, text: text.slice(WORK.length) };
      out.push(...splitItems(cur, line, text.slice(WORK.length), paths));
    } else {
      cur.texts.push({ line, text });
    }
  }
  nameParts(out);
  return out;
}

/** Sections end at the annex, or at the division table when it has no 附表 line before it. */
function findEnd(lines: readonly string[]): number {
  const annex = lines.findIndex((l) => STOP.test(l.trim()));
  const table = findTableHeader(lines);
  const ends = [annex, table].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : lines.length;
}

function newRecord(path: string, depth: number, title: string, titleLine: number, quote: string, parentPath: string | null): SectionRecord {
  return { path, depth, title, titleLine, quote, lines: [], parentPath, texts: [], inline: false };
}

function uniquePath(path: string, seen: Set<string>): string {
  let p = path;
  for (let k = 2; seen.has(p); k++) p = `${path}-${k}`;
  seen.add(p);
  return p;
}

/** （1）…（2）… inside a 工作任务 line become child tasks: each has its own deadlines. */
function splitItems(parent: SectionRecord, line: number, work: string, paths: Set<string>): SectionRecord[] {
  const marks: RegExpExecArray[] = [];
  ITEM.lastIndex = 0; // exec, not matchAll: no regex copy per line
  for (let m = ITEM.exec(work); m; m = ITEM.exec(work)) marks.push(m);
  const out: SectionRecord[] = [];
  if (marks.length === 0) {
    parent.texts.push({ line, text: work });
    return out;
  }
  if ((marks[0]?.index ?? 0) > 0) parent.texts.push({ line, text: work.slice(0, marks[0]?.index) });
  marks.forEach((m, k) => {
    const start = m.index ?? 0;
    const stop = marks[k + 1]?.index ?? work.length;
    const item = work.slice(start, stop);
    const body = item.slice(m[0].length);
    const { title, quote } = nameItem(item, m[0].length);
    const path = uniquePath(`${parent.path}.${m[1]}`, paths);
    const rec = newRecord(path, parent.depth + 1, title, line, quote, parent.path);
    rec.inline = true;
    rec.lines.push(line);
    rec.texts.push({ line, text: item });
    rec.work = { line, text: body };
    out.push(rec);
  });
  return out;
}

const LEADING_TIME = /^\d{4}(?:―\d{4})?年[^，]{0,6}$/;

/** An item is named by its first clause, skipping a leading date ("2009年底前，发布…"). */
function nameItem(item: string, from: number): { title: string; quote: string } {
  let start = from;
  const clause = /[^，。；]+/g;
  clause.lastIndex = from;
  let m = clause.exec(item);
  if (m && LEADING_TIME.test(m[0])) m = clause.exec(item) ?? m;
  if (m) start = m.index;
  const title = firstClause(item.slice(start));
  return { title, quote: item.slice(0, start + title.length) };
}

/** Inferred parts are named by position and by their sub-headings (≤3) or their first clause. */
function nameParts(out: SectionRecord[]): void {
  for (const rec of out) {
    if (rec.title) continue;
    const kids = out.filter((r) => r.parentPath === rec.path && !r.inline);
    const summary = kids.length > 0 && kids.length <= 3 ? kids.map((k) => k.title).join('；') : rec.quote.replace(/^（[一二三四五六七八九十]+）/, '');
    rec.title = `第${toChineseNumber(Number(rec.path))}部分：${summary}`;
  }
}
