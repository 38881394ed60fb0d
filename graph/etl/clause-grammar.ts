import type { LineText } from './sections.ts';
import { isCollectivePhrase } from './unit-kinds.ts';

/**
 * The vocabulary of responsibility wording, in one place: labels (牵头单位：…), the roles they
 * give, the prose verbs (由A牵头，B配合 / A会同B负责) and the note that says a list's first unit
 * leads. Clause and table readers build on these instead of matching fixed sentences.
 */
export type Role = 'lead' | 'coop' | 'resp';

/** Label words by role; 单位 and 部门 both follow every stem. */
const LABEL_STEMS: Record<Role, readonly string[]> = {
  lead: ['牵头', '主责', '主办'],
  coop: ['配合', '协办', '参与', '协同', '协助'],
  resp: ['责任', '实施', '承办'],
};

const ROLE_OF_STEM = new Map<string, Role>();
for (const [role, stems] of Object.entries(LABEL_STEMS) as [Role, readonly string[]][]) for (const s of stems) ROLE_OF_STEM.set(s, role);

/** 牵头单位： / 配合部门: …; group 1 is the stem. */
// 【牵头单位】A【配合单位】B: a label in black brackets ends with 】 instead of a colon.
export const LABEL = new RegExp(`(${[...ROLE_OF_STEM.keys()].join('|')})(?:单位|部门)(?:[：:]|】[：:]?)`, 'g');

export function roleOfLabel(label: string): Role | null {
  return ROLE_OF_STEM.get(label.slice(0, 2)) ?? null;
}

/**
 * 排在第一位的为牵头单位 / 列第一位者为牵头单位 / 排名首位的单位为牵头单位 / 第一个单位为牵头单位 /
 * 牵头单位列第一位:
 * the document's own word that an unsplit list's first unit leads.
 */
export const LEAD_NOTE = /(?:排|列|名)[在于列名]?(?:第一位?|首位|最前|第1位|前面)(?:的|者)?(?:单位|部门)?(?:为|是)(?:牵头|主责)(?:单位|部门)?|(?:第一个|首个|首位)(?:单位|部门)(?:为|是)(?:牵头|主责)|(?:牵头|主责)(?:单位|部门)(?:排|列|放)[在于]?(?:第一位?|首位|最前|第1位)/;

export function statesFirstLeads(lines: readonly string[]): boolean {
  for (const l of lines) if ((l.includes('牵头') || l.includes('主责')) && LEAD_NOTE.test(l)) return true;
  return false;
}

/** What a named unit list ends with: a unit's usual last characters (or 等 after it). */
// The usual last characters of a unit's name, shared by every test of "is this a unit".
const UNIT_SUFFIX = '局|办|委|府|会|厅|部|处|署|中心|公司|集团|大学|学院|院|所|行|队|站|馆|社|联|团';
const UNIT_END = new RegExp(`(?:${UNIT_SUFFIX}|单位|部门|门)等?$`);

export function looksLikeUnitList(text: string): boolean {
  // 各镇街 / 各有关单位: a collective phrase stands for units too.
  return text.length >= 2 && (UNIT_END.test(text) || isCollectivePhrase(text.replace(/等$/u, '')));
}

/**
 * Prose forms, tried on one sentence (text between 。；): 由A牵头，B配合 / A牵头、B参与 / 由A牵头负责 /
 * A会同B负责 / A牵头，B等按职责分工负责 / A、B按职责分工负责 (no lead named: RESPONSIBLE). The unit
 * spans are bounded so no pattern can backtrack far.
 */
const COOP_VERB = '(?:配合|参与|协助|协同配合|协同|按职责分工负责|按职责负责|按职能分工负责|分工负责|共同负责|负责|按职责分工落实|按职责落实|分工落实|抓好落实|落实)(?:实施|推进|落实)?';
const PROSE_LEAD_COOP = new RegExp(`(?:^|[，,：:])由?([^，,。；：:]{2,60}?)牵头[，,、]?(?:负责)?[，,、]?([^，,。；：:]{2,120}?)(?:等(?:单位|部门)?)?(?:共同)?${COOP_VERB}(?=[，,]|$)`);
const PROSE_WITH = /(?:^|[，,：:])由?([^，,。；：:]{2,60}?)会同([^，,。；：:]{2,120}?)(?:等)?(?:共同)?(?:负责|组织实施|实施|推进|落实)(?=[，,]|$)/;
const PROSE_LEAD = /(?:^|[，,：:])由?([^，,。；：:]{2,60}?)牵头(?:负责|组织实施|落实)?(?=[，,]|$)/;
// 由A、B牵头组织实施“文化强市”工程: with 由, 牵头 may run on into what the units do.
const PROSE_BY_LEAD = /(?:^|[，,：:])由([^，,。；：:]{2,60}?)牵头(?=负责|组织|实施|推进|落实|开展|制定|建设|研究|统筹|协调)/;
const PROSE_RESP = /(?:^|[，,：:])由?([^，,。；：:]{2,120}?)(?:等(?:单位|部门)?)?(?:按职责分工负责|按职责负责|按职能分工负责|分别负责|共同负责|负责)(?=[，,]|$)/;

export interface ProseMatch {
  /** Null for a list that is responsible with no lead named (A、B按职责分工负责). */
  lead: string | null;
  coop: string | null;
  resp: string | null;
  /** The clause as written, a substring of the sentence. */
  quote: string;
}

/** Reads one sentence (no 。 inside) as a prose responsibility clause, or null. */
export function matchProse(sentence: string): ProseMatch | null {
  if (!sentence.includes('牵头') && !sentence.includes('会同') && !sentence.includes('负责')) return null;
  for (const re of [PROSE_LEAD_COOP, PROSE_WITH, PROSE_LEAD, PROSE_BY_LEAD]) {
    const m = re.exec(sentence);
    if (!m) continue;
    // 各区要统筹推进由A牵头…: the lead starts after the last 由.
    const lead = (m[1] ?? '').slice((m[1] ?? '').lastIndexOf('由') + 1).trim();
    const coop = m[2]?.trim() ?? null;
    if (!looksLikeUnitList(lead) || (coop !== null && !looksLikeUnitList(coop))) continue;
    return { lead, coop, resp: null, quote: m[0].replace(/^[，,：:]/, '') };
  }
  const w = matchWith(sentence);
  if (w) return w;
  const r = PROSE_RESP.exec(sentence);
  if (!r) return null;
  const resp = (r[1] ?? '').slice((r[1] ?? '').lastIndexOf('由') + 1).trim();
  // 市中级人民法院、市人民检察院按职责分工负责: only a list of units, nothing before it in the clause.
  if (!isUnitListOnly(resp)) return null;
  return { lead: null, coop: null, resp, quote: r[0].replace(/^[，,：:]/, '') };
}

// A会同B + any verb (市科技局要会同市教育局加快建设…): the units before and after 会同.
const WITH_ANY = /(?:^|[，,：:])由?([^，,。；：:]{2,60}?)(?:要|将|应|需)?会同([^，,。；：:]{2,160})/;
const UNIT_TAIL = new RegExp(`(?:${UNIT_SUFFIX}|单位|部门)$`);

function matchWith(sentence: string): ProseMatch | null {
  const m = WITH_ANY.exec(sentence);
  if (!m) return null;
  const lead = (m[1] ?? '').slice((m[1] ?? '').lastIndexOf('由') + 1).trim();
  if (!looksLikeUnitList(lead) || !isUnitListOnly(lead)) return null;
  const rest = m[2] ?? '';
  // The shortest run of units after 会同 that the next word does not continue (、 or 和 would).
  for (let end = 2; end <= rest.length; end++) {
    const head = rest.slice(0, end);
    const next = rest.charAt(end);
    if (!UNIT_TAIL.test(head) || /[、，,和及等]/.test(next) || next === '') continue;
    if (!isUnitListOnly(head)) return null;
    const clause = m[0].replace(/^[，,：:]/, '');
    return { lead, coop: head, resp: null, quote: clause.slice(0, clause.indexOf('会同') + 2 + end) };
  }
  return null;
}

// A unit list and nothing else: pieces between 、，, of a unit's length, most of them ending like one
// (省工业和信息化厅 holds 和; 南部战区空军 ends in none of the usual suffixes).
const LIST_PIECE_END = new RegExp(`(?:${UNIT_SUFFIX}|街|镇|）)$`);
const NOT_A_UNIT = /[，。；：:]|要|加快|推进|建设|完善|加强|开展|组织|落实|工作|任务/;

function isUnitListOnly(text: string): boolean {
  const pieces = text.split(/[、，,]/).map((p) => p.trim());
  if (pieces.some((p) => p.length < 2 || p.length > 30 || NOT_A_UNIT.test(p))) return false;
  return pieces.filter((p) => LIST_PIECE_END.test(p)).length * 2 >= pieces.length;
}

/** The text inside a bracket that closes the sentence: …完成清理工作（A牵头，B负责）. */
export function trailingBracket(sentence: string): string | null {
  const t = sentence.replace(/[\s\u3000]+$/u, '');
  const last = t.at(-1);
  if (last !== '）' && last !== ')') return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === '）' || c === ')') depth++;
    else if ((c === '（' || c === '(') && --depth === 0) return t.slice(i + 1, t.length - 1);
  }
  return null;
}

/** A unit marked as the lead inside a list: 市市场监管局（牵头） / 市自然资源局〔牵头〕. */
const LEAD_MARK = /[（(〔［[]牵头[）)〕］\]]/u;

export function hasLeadMark(text: string): boolean {
  return LEAD_MARK.test(text);
}

/**
 * A list whose lead is marked in place (A（牵头）、B、C): the marked units lead, the others
 * cooperate. Each unit's text is a substring of its line, without the mark.
 */
export function splitMarkedLead(parts: readonly LineText[]): { lead: LineText[]; coop: LineText[] } {
  const lead: LineText[] = [];
  const coop: LineText[] = [];
  for (const p of splitParts(parts)) {
    for (const piece of topLevelPieces(p.text)) {
      const m = LEAD_MARK.exec(piece);
      const text = trimSeparators(m ? piece.slice(0, m.index) + piece.slice(m.index + m[0].length) : piece);
      if (!text) continue;
      // Without its mark the unit must still be written as one run of the line.
      const clean = m && !p.text.includes(text) ? trimSeparators(piece.slice(0, m.index)) : text;
      (m ? lead : coop).push({ line: p.line, text: clean });
    }
  }
  return { lead, coop };
}

/** Pieces of a list split at 、，, outside brackets: 各县（市、区）人民政府 is one unit. */
function topLevelPieces(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const at of separatorsOutsideBrackets(text)) {
    out.push(text.slice(from, at));
    from = at + 1;
  }
  out.push(text.slice(from));
  return out;
}

const OPENING = new Set(['（', '(', '〔', '［', '[']);
const CLOSING = new Set(['）', ')', '〕', '］', ']']);

/** Where 、，, stand outside any bracket, in order. */
function* separatorsOutsideBrackets(text: string): Generator<number> {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPENING.has(c)) depth++;
    else if (CLOSING.has(c) && depth > 0) depth--;
    else if (depth === 0 && (c === '、' || c === '，' || c === ',')) yield i;
  }
}

const PART_SEP = /[；;\s/\u3000]+/;

/**
 * A cell or clause part split where a unit list may be separated by something the unit splitter
 * does not (yet) take as a separator: ；/;, slashes, spaces (a line break inside a table cell).
 * Each piece stays a substring of its line.
 */
export function splitParts(parts: readonly LineText[]): LineText[] {
  const out: LineText[] = [];
  for (const p of parts) {
    let at = 0;
    for (const piece of p.text.split(PART_SEP)) {
      const i = p.text.indexOf(piece, at);
      at = i + piece.length;
      const text = trimSeparators(piece);
      if (text && text !== '/' && text !== '无' && text !== '—') out.push({ line: p.line, text });
    }
  }
  return out;
}

const EDGE_SEPARATORS = /^[，,；;、。.\s\u3000【]+|[，,；;、。.\s\u3000【]+$/g;

export function trimSeparators(text: string): string {
  return text.replace(EDGE_SEPARATORS, '');
}

/** The first unit of a list and the rest (for a list whose first unit the document says leads). */
export function splitFirst(parts: readonly LineText[]): { first: LineText[]; rest: LineText[] } {
  const all = splitParts(parts);
  const head = all[0];
  if (!head) return { first: [], rest: [] };
  const at = separatorsOutsideBrackets(head.text).next().value;
  if (at === undefined) return { first: [head], rest: all.slice(1) };
  const firstText = trimSeparators(head.text.slice(0, at));
  const restText = trimSeparators(head.text.slice(at + 1));
  const rest = restText ? [{ line: head.line, text: restText }, ...all.slice(1)] : all.slice(1);
  return { first: firstText ? [{ line: head.line, text: firstText }] : [], rest };
}
