import { parseChineseNumber } from './chinese-numerals.ts';
import type { ColumnKind } from './table-columns.ts';
import type { LineText } from './sections.ts';

/** How a table is laid out in the text: the seed's one cell per line, or one row per line (contracts.md A). */
export const TABLE_LAYOUTS = ['cell-per-line', 'tab', 'space'] as const;
export type TableLayout = (typeof TABLE_LAYOUTS)[number];

/** One numbered row of a division-of-labour table: its task and the lines of its unit cells. */
export interface TableRow {
  no: number;
  title: string;
  titleLine: number;
  quote: string; // "14.提高本土企业自主创新能力", or the task cell of a one-line row
  group: string;
  groupNo: number;
  lead: LineText[]; // a wrapped cell has one entry per line it spans
  coop: LineText[];
  /** A 责任单位 column with no 牵头单位 column: units with no stated lead. */
  resp: LineText[];
  /** The deadline column (完成时限 / 时间节点 …), read by the time-expressions step. */
  deadline: LineText[];
  lines: number[];
  extraCells: LineText[]; // cells past the header's columns: reported, never guessed
}

export interface DivisionTable {
  layout: TableLayout;
  headerLine: number;
  /** The last line the table occupies (1-based): its lines are no section or clause text. */
  lastLine: number;
  columns: ColumnKind[];
  rows: TableRow[];
}

export const GROUP = /^(?:（([一二三四五六七八九十]+)）|([一二三四五六七八九十]+)、)(.*)$/;

export function newRow(no: number, title: string, titleLine: number, quote: string, group: string, groupNo: number): TableRow {
  return { no, title, titleLine, quote, group, groupNo, lead: [], coop: [], resp: [], deadline: [], lines: [titleLine], extraCells: [] };
}

/** A group title line: （一）提升自主创新能力 or 一、…, with its number. */
export function readGroup(text: string): { no: number; title: string } | null {
  const g = GROUP.exec(text);
  if (!g) return null;
  return { no: parseChineseNumber(g[1] ?? g[2] ?? '') ?? 0, title: (g[3] ?? '').trim() };
}

