import { nodeId } from '../model/index.ts';
import { parseDivisionTable, type DivisionTable, type TableRow } from './division-table.ts';
import { hasLeadMark, matchProse, splitFirst, splitMarkedLead, splitParts, statesFirstLeads } from './clause-grammar.ts';
import type { LineText } from './sections.ts';
import { parseClauses, type ResponsibilityClause } from './responsibility-clauses.ts';
import { parseSections, type SectionRecord } from './sections.ts';
import { readTimeContext, type TimeContext } from './time-expressions.ts';
import { assignRowIds } from './task-identity.ts';
import type { ParsedDocument, SourceDocument, TaskSpan } from './types.ts';

export interface PlacedClause {
  clause: ResponsibilityClause;
  sectionId: string | null;
}

/** Everything the structure steps read from one document; `parsed` is the public contract. */
export interface DocumentStructure {
  parsed: ParsedDocument;
  docKey: string;
  sections: { rec: SectionRecord; id: string }[];
  table: DivisionTable | null;
  rowIds: Map<number, string>;
  clauses: PlacedClause[];
  time: TimeContext;
  /** The document says an unsplit list's first unit leads (排在第一位的为牵头单位…). */
  firstLeads: boolean;
}

export function docKeyOf(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

export function documentIdOf(source: SourceDocument): string {
  const h = source.header;
  return nodeId('Document', h.number ?? h.url ?? docKeyOf(source.file));
}

export function sectionTaskId(docKey: string, path: string): string {
  return nodeId('Task', `${docKey}#${path}`);
}

export function readStructure(source: SourceDocument): DocumentStructure {
  const docKey = docKeyOf(source.file);
  const documentId = documentIdOf(source);
  const table = parseDivisionTable(source.lines);
  // A table one row per line sits among the text: its lines are neither sections nor clauses.
  const inTable = table && table.layout !== 'cell-per-line' ? (l: number) => l >= table.headerLine && l <= table.lastLine : undefined;
  const sections = parseSections(source.lines, inTable).map((rec) => ({ rec, id: sectionTaskId(docKey, rec.path) }));
  const idByPath = new Map(sections.map((s) => [s.rec.path, s.id]));
  const firstLeads = statesFirstLeads(source.lines);
  if (table) for (const r of table.rows) markedLead(r);
  if (table && firstLeads) for (const r of table.rows) leadFirst(r);
  const rowIds = assignRowIds(docKey, table?.rows ?? []);

  const sectionOfLine = new Map<number, string>();
  for (const s of sections) if (!s.rec.inline) for (const l of s.rec.lines) sectionOfLine.set(l, s.id);
  const end = table?.layout === 'cell-per-line' ? table.headerLine - 1 : source.lines.length;
  const clauses = parseClauses(source.lines, end, { firstLeads }, inTable).map((clause) => ({ clause, sectionId: sectionOfLine.get(clause.line) ?? null }));

  const tasks: TaskSpan[] = sections.map(({ rec, id }) => ({
    taskId: id,
    kind: 'section',
    title: rec.title,
    titleLine: rec.titleLine,
    lines: [...rec.lines],
    parentId: rec.parentPath === null ? documentId : (idByPath.get(rec.parentPath) ?? documentId),
  }));
  const seenRows = new Set<number>();
  for (const r of table?.rows ?? []) {
    if (seenRows.has(r.no)) continue; // a repeated number is reported by the table step, not doubled
    seenRows.add(r.no);
    tasks.push({ taskId: rowIds.get(r.no)!, kind: 'tableRow', title: r.title, titleLine: r.titleLine, lines: [...r.lines], parentId: documentId });
  }
  const headings = sections.filter((s) => s.rec.depth === 1).map((s) => s.rec.title);
  const time = readTimeContext(headings, source.lines, source.header.date);
  return { parsed: { source, documentId, tasks }, docKey, sections, table, rowIds, clauses, time, firstLeads };
}

/** A cell that says who leads in words (市发展改革委牵头，市财政局、市科技局配合), read as a prose clause. */
function leadWording(cell: readonly LineText[]): { lead: LineText[]; coop: LineText[] } {
  if (cell.length !== 1 || !cell[0]!.text.includes('牵头')) return { lead: [], coop: [] };
  const { line, text } = cell[0]!;
  const m = matchProse(text);
  if (!m?.lead) return { lead: [], coop: [] };
  return { lead: splitParts([{ line, text: m.lead }]), coop: m.coop ? splitParts([{ line, text: m.coop }]) : [] };
}

/** A 责任单位 (or cooperating) cell that marks its lead in place (A（牵头）、B) or in words: the named units lead the row. */
function markedLead(r: TableRow): void {
  for (const key of ['resp', 'coop'] as const) {
    const cell = r[key];
    if (cell.length === 0) continue;
    const { lead, coop } = cell.some((p) => hasLeadMark(p.text)) ? splitMarkedLead(cell) : leadWording(cell);
    if (lead.length === 0) continue;
    r.lead.push(...lead);
    if (key === 'coop') r.coop = coop;
    else {
      r.coop.push(...coop);
      r.resp = [];
    }
  }
}

/** Where the document says a list's first unit leads, a 责任单位 cell's first unit leads the row. */
function leadFirst(r: TableRow): void {
  if (r.resp.length === 0) return;
  const { first, rest } = splitFirst(r.resp);
  r.lead.push(...first);
  r.coop.push(...rest);
  r.resp = [];
}

/** Sections and table rows of one document as TaskSpans: the input of every later step. */
export function parseDocument(source: SourceDocument): ParsedDocument {
  return readStructure(source).parsed;
}
