import { LABEL, hasLeadMark, matchProse, roleOfLabel, splitFirst, splitMarkedLead, splitParts, trailingBracket, trimSeparators, type Role } from './clause-grammar.ts';
import type { LineText } from './sections.ts';

/** How a clause is worded (contracts.md B); the reading report counts clauses by it. */
export const CLAUSE_CONVENTIONS = ['seed', 'bracketed', 'unsplit', 'prose'] as const;
export type ClauseConvention = (typeof CLAUSE_CONVENTIONS)[number];

/**
 * Who leads, cooperates, or is responsible without a stated lead, and which table rows it cites.
 * seed: 责任单位：X、Y牵头，Z等配合（见附表N、M） · bracketed: （牵头单位：A；配合单位：B） ·
 * unsplit: 责任单位：A、B、C · prose: 由A牵头，B配合 / A会同B负责.
 */
export interface ResponsibilityClause {
  line: number; // where the clause starts
  quote: string; // the clause as on its first line
  convention: ClauseConvention;
  /** Unit texts by role; a clause that wraps has parts on later lines. */
  lead: LineText[];
  coop: LineText[];
  /** An unsplit list whose document does not say which unit leads: the RESPONSIBLE role. */
  resp: LineText[];
  rows: number[];
  citeQuote: string; // （见附表N、M）
}

export interface ClauseOptions {
  /** The document says an unsplit list's first unit leads (排在第一位的为牵头单位…). */
  firstLeads?: boolean;
}

const SEED = /责任单位[：:](.+?)牵头(?:[，,](.+?)配合)?(（见附表([\d、，,]+)）)?[。；]?$/;
const INNER_SEED = /^(.+?)牵头(?:[，,](.+?)配合)?$/;
/**
 * The longest clause in the seeds is about 200 characters. The lazy groups above backtrack
 * quadratically on long text, so a "clause" far past any real one is not tried at all.
 */
export const MAX_CLAUSE_CHARS = 2000;
/** A bracketed clause may wrap onto this many more lines before its closing bracket. */
const MAX_WRAP_LINES = 3;

/** The clause starting on `lines[i]` (1-based line i + 1), reading on into wrapped lines. */
export function parseClauseAt(lines: readonly string[], i: number, options: ClauseOptions = {}): ResponsibilityClause | null {
  const text = lines[i] ?? '';
  const line = i + 1;
  if (!mayHoldClause(text)) return null;
  return readSeed(text, line) ?? readLabelled(lines, i, options) ?? readProse(text, line);
}

/** One line read on its own (no wrapping). */
export function parseClauseLine(text: string, line: number, options: ClauseOptions = {}): ResponsibilityClause | null {
  const lines: string[] = [];
  lines[line - 1] = text;
  return parseClauseAt(lines, line - 1, options);
}

/** Every responsibility clause before `endLine`, skipping lines `skip` says belong to a table. */
export function parseClauses(lines: readonly string[], endLine = lines.length, options: ClauseOptions = {}, skip?: (line: number) => boolean): ResponsibilityClause[] {
  const out: ResponsibilityClause[] = [];
  for (let i = 0; i < Math.min(endLine, lines.length); i++) {
    if (skip?.(i + 1)) continue;
    const c = parseClauseAt(lines, i, options);
    if (!c) continue;
    out.push(c);
    // A bracketed clause that wraps owns its later lines: 协同单位：… on the next line is not a clause of its own.
    i = Math.max(i, lastLineOf(c) - 1);
  }
  return out;
}

function lastLineOf(c: ResponsibilityClause): number {
  let last = c.line;
  for (const p of [...c.lead, ...c.coop, ...c.resp]) if (p.line > last) last = p.line;
  return last;
}

function mayHoldClause(text: string): boolean {
  return text.includes('单位') || text.includes('部门') || text.includes('牵头') || text.includes('会同') || text.includes('负责');
}

function clause(line: number, quote: string, convention: ClauseConvention, roles: Record<Role, LineText[]>, rows: number[] = [], citeQuote = ''): ResponsibilityClause {
  return { line, quote, convention, lead: roles.lead, coop: roles.coop, resp: roles.resp, rows, citeQuote };
}

function readSeed(text: string, line: number): ResponsibilityClause | null {
  const at = text.indexOf('责任单位');
  if (at < 0) return null;
  const c = text.slice(at).trim();
  if (c.length > MAX_CLAUSE_CHARS) return null;
  const m = SEED.exec(c);
  if (!m) return null;
  const rows = (m[4] ?? '').split(/[、，,]/).filter(Boolean).map(Number);
  const roles = { lead: [{ line, text: m[1] ?? '' }], coop: m[2] ? [{ line, text: m[2] }] : [], resp: [] };
  return clause(line, m[0].replace(/[。；]$/, ''), 'seed', roles, rows, m[3] ?? '');
}

interface Segment { line: number; text: string }

/**
 * （牵头单位：A；配合单位：B、C，各区政府） or a line starting 牵头单位：…/责任单位：…. Inside a
 * bracket the clause runs to the matching ）, which may be a few lines on.
 */
function readLabelled(lines: readonly string[], i: number, options: ClauseOptions): ResponsibilityClause | null {
  const text = lines[i] ?? '';
  const line = i + 1;
  LABEL.lastIndex = 0;
  const first = LABEL.exec(text);
  if (!first) return null;
  const before = text.slice(0, first.index);
  const open = before.endsWith('（') || before.endsWith('(');
  if (!open && trimSeparators(before) !== '' && !/[。；;]\s*【?$/.test(before)) return null;
  const segments: Segment[] = [];
  let closed = !open;
  if (open) {
    let depth = 1;
    for (let k = i; k < Math.min(lines.length, i + 1 + MAX_WRAP_LINES) && depth > 0; k++) {
      const raw = lines[k] ?? '';
      const from = k === i ? first.index : 0;
      let j = from;
      for (; j < raw.length; j++) {
        const ch = raw[j];
        if (ch === '（' || ch === '(') depth++;
        else if ((ch === '）' || ch === ')') && --depth === 0) break;
      }
      segments.push({ line: k + 1, text: raw.slice(from, j) });
      if (depth === 0) closed = true;
    }
  } else {
    segments.push({ line, text: text.slice(first.index).replace(/[。；;]\s*$/, '') });
  }
  if (!closed || segments.reduce((n, s) => n + s.text.length, 0) > MAX_CLAUSE_CHARS) return null;
  const roles = splitByLabels(segments);
  if (!roles) return null;
  const firstSeg = segments[0]!;
  const quote = (open && segments.length === 1 ? text.slice(first.index - 1, first.index + firstSeg.text.length + 1) : firstSeg.text).trim();
  if (roles.lead.length === 0 && roles.coop.length === 0) return unsplit(line, quote, roles.resp, options);
  return clause(line, quote, 'bracketed', { lead: splitParts(roles.lead), coop: splitParts([...roles.coop, ...roles.resp]), resp: [] });
}

/** Text after each label, by role, one part per line it spans. */
// （牵头单位：A；配合单位：B；完成时限：2024年底前）: a label that names no unit ends the unit text.
const OTHER_LABEL = /(?:完成时限|完成时间|时间节点|进度安排|时限要求|完成期限|时间要求|工作目标|预期成效)[：:]/u;

function splitByLabels(segments: readonly Segment[]): Record<Role, LineText[]> | null {
  const roles: Record<Role, LineText[]> = { lead: [], coop: [], resp: [] };
  let role: Role | null = null;
  const add = (seg: Segment, from: number, to: number) => {
    const t = trimSeparators(seg.text.slice(from, to));
    if (role && t) roles[role].push({ line: seg.line, text: t });
  };
  for (const whole of segments) {
    const stop = OTHER_LABEL.exec(whole.text);
    const seg = stop ? { line: whole.line, text: whole.text.slice(0, stop.index) } : whole;
    let from = 0;
    LABEL.lastIndex = 0;
    for (let m = LABEL.exec(seg.text); m; m = LABEL.exec(seg.text)) {
      add(seg, from, m.index);
      role = roleOfLabel(m[1] ?? '');
      from = m.index + m[0].length;
    }
    add(seg, from, seg.text.length);
    if (stop) break;
  }
  return role ? roles : null;
}

// 责任单位：A、B，各县（市、区）人民政府按职责分工负责: the verb closing the list is no part of its last unit.
const VERB_TAIL = /(?:等(?:单位|部门)?)?(?:按职责分工负责|按职责负责|按职能分工负责|分别负责|共同负责|负责|按职责分工落实|分工落实|抓好落实|落实)$/u;

function withoutVerbTail(parts: LineText[]): LineText[] {
  const last = parts.at(-1)!;
  const m = VERB_TAIL.exec(last.text);
  if (!m || m.index === 0) return parts;
  return [...parts.slice(0, -1), { line: last.line, text: last.text.slice(0, m.index) }];
}

/** 责任单位：A、B、C: the first unit leads where the document says so, else all are responsible. */
function unsplit(line: number, quote: string, parts: LineText[], options: ClauseOptions): ResponsibilityClause | null {
  // （责任单位：A牵头，B配合）: the seeds' wording inside a bracket.
  const single = parts.length === 1 ? parts[0]! : null;
  const m = single ? INNER_SEED.exec(single.text) : null;
  if (single && m) {
    const lead = [{ line: single.line, text: m[1] ?? '' }];
    const coop = m[2] ? [{ line: single.line, text: m[2] }] : [];
    return clause(line, quote, 'seed', { lead: splitParts(lead), coop: splitParts(coop), resp: [] });
  }
  if (parts.length === 0) return null;
  parts = withoutVerbTail(parts);
  // 责任单位：A（牵头）、B、C: the document marks the lead in place.
  if (parts.some((p) => hasLeadMark(p.text))) {
    const { lead, coop } = splitMarkedLead(parts);
    if (lead.length > 0) return clause(line, quote, 'unsplit', { lead, coop, resp: [] });
  }
  if (!options.firstLeads) return clause(line, quote, 'unsplit', { lead: [], coop: [], resp: splitParts(parts) });
  const { first, rest } = splitFirst(parts);
  return clause(line, quote, 'unsplit', { lead: first, coop: rest, resp: [] });
}

/**
 * 由A牵头，B配合 / A牵头、B参与 / A会同B负责 / A、B按职责分工负责, in any sentence of the line, or
 * in the bracket that closes it (…完成清理工作（A牵头，B等按职责分工负责）).
 */
function readProse(text: string, line: number): ResponsibilityClause | null {
  if (text.length > MAX_CLAUSE_CHARS * 4) return null;
  let at = 0;
  for (const sentence of text.split(/[。；;]/)) {
    const start = text.indexOf(sentence, at);
    at = start + sentence.length;
    if (sentence.length > MAX_CLAUSE_CHARS) continue;
    const inner = trailingBracket(sentence);
    // \u3000\u3000由A牵头负责，…: a paragraph's indent is no part of the sentence.
    const m = (inner !== null && matchProse(inner)) || matchProse(sentence.replace(/^[\s\u3000]+/u, ''));
    if (!m) continue;
    const part = (t: string | null) => (t === null ? [] : splitParts([{ line, text: t }]));
    return clause(line, m.quote, 'prose', { lead: part(m.lead), coop: part(m.coop), resp: part(m.resp) });
  }
  return null;
}
