import { CLAUSE_CONVENTIONS, RESPONSIBILITY_EDGE_TYPES, type ClauseConvention, type ExtractionWarning, type ReadingReport, type TimeInterval } from '../model/index.ts';
import { readFacts, type DocFacts } from './etl-context.ts';
import { readStructure, type DocumentStructure } from './parse-document.ts';
import { DocumentUnits, type PlacedUnit } from './responsibility-units.ts';
import type { TechnologySet } from './technologies.ts';
import type { SourceDocument } from './types.ts';
import { unitFamiliarity } from './unit-names.ts';

const RESPONSIBILITY = new Set<string>(RESPONSIBILITY_EDGE_TYPES);
/** Lines named in a warning; the rest are counted. */
const MAX_LINES_NAMED = 8;
const MAX_NAMES = 30;

/**
 * What the ETL read from one document, from the facts it already read (no second reading of
 * the text). The line scans for responsibility wording and table headers run only when nothing
 * was read, so a document that is read costs one pass over its deadlines and nothing more.
 */
export function readingReport(s: DocumentStructure, facts: Pick<DocFacts, 'structure' | 'responsibility' | 'targets'> & { units?: DocumentUnits }, units = facts.units ?? new DocumentUnits(s)): ReadingReport {
  const source = s.parsed.source;
  const doc = source.file;
  const clauses = Object.fromEntries(CLAUSE_CONVENTIONS.map((c) => [c, 0])) as Record<ClauseConvention, number>;
  for (const { clause } of s.clauses) clauses[clause.convention ?? 'seed']++;
  const tableRows = s.table?.rows.length ?? 0;
  const responsibilityEdges = facts.responsibility.edges.filter((e) => RESPONSIBILITY.has(e.type)).length;
  const unitCounts = countUnits(s, units);
  const warnings: ExtractionWarning[] = [];
  if (responsibilityEdges === 0) {
    const lines = linesWith(source.lines, RESPONSIBILITY_WORDING);
    if (lines.length > 0) {
      warnings.push({ doc, line: lines[0]!, kind: 'no-responsibility', message: `mentions 牵头 / 配合 / 责任单位 / 分工 on ${describeLines(lines)} but no responsibility (LEADS / COOPERATES) was read`, text: clip(source.lines[lines[0]! - 1] ?? '') });
    }
  }
  if (responsibilityEdges > 0) {
    const unread = unreadClauseLines(s);
    if (unread.length > 0) {
      warnings.push({ doc, line: unread[0]!, kind: 'unread-responsibility', message: `responsibility wording on ${describeLines(unread)} gave no clause, while others in the document did: those tasks have no LEADS / COOPERATES`, text: clip(source.lines[unread[0]! - 1] ?? '') });
    }
  }
  if (tableRows === 0) {
    const headers = tableHeaderLines(source.lines);
    if (headers.length > 0) {
      warnings.push({ doc, line: headers[0]!, kind: 'table-without-rows', message: `a division-of-labour table header on ${describeLines(headers)} but no row was read`, text: clip(source.lines[headers[0]! - 1] ?? '') });
    }
  }
  if (unitCounts.firstNew) {
    const names = unitCounts.newNames.slice(0, MAX_NAMES).join('、');
    const more = unitCounts.newNames.length > MAX_NAMES ? ` and ${unitCounts.newNames.length - MAX_NAMES} more` : '';
    warnings.push({ doc, line: unitCounts.firstNew.mention.line, kind: 'new-unit', message: `${unitCounts.newNames.length} unit(s) not in the glossary, typed by their names: ${names}${more}`, text: unitCounts.firstNew.mention.surface });
  }
  const deadlines = countDeadlines(source.lines, facts.structure.nodes.map((n) => n.props.deadlines as TimeInterval[] | undefined));
  return {
    doc,
    jurisdiction: units.jurisdiction.label,
    sections: s.sections.length,
    tableRows,
    clauses,
    units: { known: unitCounts.known, new: unitCounts.newNames.length, untyped: unitCounts.untypedNames.length, newNames: unitCounts.newNames, untypedNames: unitCounts.untypedNames },
    responsibilityEdges,
    deadlines,
    technologyLinks: facts.targets.length,
    warnings,
  };
}

/** The report of a document read on its own against a technology set (for listings of loaded documents). */
export function readingReportOf(source: SourceDocument, tech: TechnologySet | null): ReadingReport {
  const s = readStructure(source);
  return readingReport(s, readFacts(s, tech));
}

function countUnits(s: DocumentStructure, units: DocumentUnits): { known: number; newNames: string[]; untypedNames: string[]; firstNew: PlacedUnit | null } {
  const seen = new Map<string, PlacedUnit>();
  const add = (list: readonly PlacedUnit[]) => {
    for (const u of list) if (!seen.has(u.id)) seen.set(u.id, u);
  };
  const rows = s.table?.rows ?? [];
  for (let i = 0; i < rows.length; i++) {
    const r = units.row(i);
    add(r.lead);
    add(r.coop);
    add(r.resp);
  }
  for (let i = 0; i < s.clauses.length; i++) {
    const r = units.clause(i);
    add(r.lead);
    add(r.coop);
    add(r.resp);
  }
  let known = 0;
  const newNames: string[] = [];
  const untypedNames: string[] = [];
  let firstNew: PlacedUnit | null = null;
  for (const u of seen.values()) {
    const f = unitFamiliarity(u.unit);
    if (f === 'known') known++;
    else if (f === 'untyped') untypedNames.push(u.unit.canonical);
    else {
      newNames.push(u.unit.kind && u.unit.kind !== 'government' ? `${u.unit.canonical} (${u.unit.kind})` : u.unit.canonical);
      if (!firstNew || u.mention.line < firstNew.mention.line) firstNew = u;
    }
  }
  return { known, newNames, untypedNames, firstNew };
}

// Wording that assigns responsibility: a role label (牵头单位, 配合部门…), a role closing a list
// (市X局牵头，…等配合), or a division table's name. Not the words in passing (国际产业分工, 由联盟牵头组织).
const RESPONSIBILITY_WORDING = [
  /(?:牵头|责任|主责|配合|协办|参与|协同|承办)(?:单位|部门)/u,
  /(?:牵头|配合|负责)(?:[，、；。）)]|$)/u,
  /分工(?:一览)?表|任务分工|责任分工/u,
];

// Wording that is a responsibility clause whatever else the line says: a role label, or a list ending in 牵头.
const CLAUSE_WORDING = [/(?:牵头|责任|主责|配合|协办|参与|协同|承办)(?:单位|部门)[：:】]/u, /[局委办府会厅部]牵头(?:[，、；。）)]|$)/u, /由[^，。；]{2,60}?牵头/u];

/** Lines with clause wording that no clause or table row was read from (a document read in part). */
function unreadClauseLines(s: DocumentStructure): number[] {
  const covered = new Set<number>();
  for (const { clause } of s.clauses) {
    covered.add(clause.line);
    for (const p of [...clause.lead, ...clause.coop, ...clause.resp]) covered.add(p.line);
  }
  const t = s.table;
  const inTable = (l: number) => t !== null && l >= t.headerLine && l <= t.lastLine;
  const lines = s.parsed.source.lines;
  const out: number[] = [];
  // Every read document passes here: most lines hold none of 牵头 / 单位 / 部门 and skip the patterns.
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!t.includes('牵头') && !t.includes('单位') && !t.includes('部门')) continue;
    if (!covered.has(i + 1) && !inTable(i + 1) && CLAUSE_WORDING.some((p) => p.test(t))) out.push(i + 1);
  }
  return out;
}

function linesWith(lines: readonly string[], patterns: readonly RegExp[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (patterns.some((p) => p.test(t))) out.push(i + 1);
  }
  return out;
}

// The column titles of a division-of-labour table (contracts: any order, one line per row or one cell per line).
const LEAD_TITLE = /^(?:牵头单位|牵头部门|主责单位|责任单位|责任部门|牵头单位（部门）)$/;
const OTHER_TITLE = /^(?:序号|重点任务|工作任务|具体工作任务|工作内容|主要措施|主要任务|配合单位|协办单位|参与单位|协同单位|完成时限|时间节点|进度安排|完成时间)$/;

/** Lines that are (part of) a table header: a lead-unit column title beside another column title. */
function tableHeaderLines(lines: readonly string[]): number[] {
  const cellsOf = (i: number) => (lines[i] ?? '').trim().split(/\s+/u).filter(Boolean);
  const isTitle = (c: string) => LEAD_TITLE.test(c) || OTHER_TITLE.test(c);
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!t.includes('单位') && !t.includes('部门')) continue;
    const cells = cellsOf(i);
    if (!cells.some((c) => LEAD_TITLE.test(c))) continue;
    // The whole line is titles (a tab or space row), or its neighbours are (one cell per line).
    const row = cells.length > 1 && cells.every(isTitle);
    const column = cells.length === 1 && [i - 2, i - 1, i + 1, i + 2].some((j) => j >= 0 && cellsOf(j).length === 1 && isTitle(cellsOf(j)[0]!));
    if (row || column) out.push(i + 1);
  }
  return out;
}

// Wording that states a deadline; an interval read from a line covers the wording inside its text.
const DEADLINE_WORDING = /(?:\d{4}|[一二三四五六七八九十两]{1,3})年(?:底|前|内|末|起)|\d{1,2}月(?:底|前)|第[一二三四]季度|(?<!中)长期(?!稳定)|持续推进|每年|每季度|每半年|\d{4}\s*[—–-]\s*\d{4}年/gu;

/** Every DEADLINE_WORDING match holds 年, 月, 季, 期, 持 or 每: a line with none is not searched. */
function mayStateDeadline(t: string): boolean {
  return t.includes('年') || t.includes('月') || t.includes('期') || t.includes('每') || t.includes('季') || t.includes('持');
}

function countDeadlines(lines: readonly string[], lists: readonly (TimeInterval[] | undefined)[]): ReadingReport['deadlines'] {
  let normalised = 0;
  const texts = new Set<string>();
  for (const l of lists) {
    if (!l) continue;
    normalised += l.length;
    for (const d of l) texts.add(d.text);
  }
  const all = [...texts];
  // The read deadline texts holding a wording, found once per wording: the same few recur.
  const holding = new Map<string, string[]>();
  let notNormalised = 0;
  const notNormalisedLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!mayStateDeadline(t)) continue;
    DEADLINE_WORDING.lastIndex = 0;
    for (let m = DEADLINE_WORDING.exec(t); m; m = DEADLINE_WORDING.exec(t)) {
      const w = m[0];
      let xs = holding.get(w);
      if (!xs) holding.set(w, (xs = all.filter((x) => x.includes(w))));
      if (xs.some((x) => t.includes(x))) continue;
      notNormalised++;
      if (notNormalisedLines.at(-1) !== i + 1 && notNormalisedLines.length < MAX_LINES_NAMED) notNormalisedLines.push(i + 1);
    }
  }
  return { normalised, notNormalised, notNormalisedLines };
}

function describeLines(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES_NAMED).join(', ');
  return `line${lines.length > 1 ? 's' : ''} ${shown}${lines.length > MAX_LINES_NAMED ? ` and ${lines.length - MAX_LINES_NAMED} more` : ''}`;
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 80 ? `${t.slice(0, 80)}…` : t;
}
