import { parseChineseNumber } from './chinese-numerals.ts';
import type { LineText } from './sections.ts';

/** One numbered row of 分工一览表: its task and the lines of its two unit cells. */
export interface TableRow {
  no: number;
  title: string;
  titleLine: number;
  quote: string; // "14.提高本土企业自主创新能力"
  group: string;
  groupNo: number;
  lead: LineText[]; // a wrapped cell has one entry per line it spans
  coop: LineText[];
  lines: number[];
  extraCells: LineText[]; // anything beyond two cells: reported, never guessed
}

export interface DivisionTable {
  headerLine: number;
  rows: TableRow[];
}

// Column titles vary between documents; the lead column is always 牵头单位.
const TASK_COLUMN = new Set(['具体工作任务', '工作任务', '主要任务', '任务']);
const ROW = /^(\d{1,3})[.．]\s*(\S.*)$/;
const GROUP = /^（([一二三四五六七八九十]+)）(.*)$/;

/** Finds the division-of-labour table (具体工作任务 / 牵头单位 / 协办单位) and reads its rows. */
export function parseDivisionTable(lines: readonly string[]): DivisionTable | null {
  const h = findTableHeader(lines);
  if (h < 0) return null;
  const rows: TableRow[] = [];
  let group = '';
  let groupNo = 0;
  let inGroupTitle = false;
  let cellLines: LineText[] = [];
  let row: TableRow | null = null;
  const flush = () => {
    if (row) {
      fillCells(row, cellLines);
      rows.push(row);
    }
    row = null;
    cellLines = [];
  };
  for (let i = h + 3; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const text = raw.trim();
    const line = i + 1;
    const r = ROW.exec(text);
    if (r) {
      flush();
      inGroupTitle = false;
      const no = Number(r[1]);
      row = { no, title: (r[2] ?? '').trim(), titleLine: line, quote: text, group, groupNo, lead: [], coop: [], lines: [line], extraCells: [] };
      continue;
    }
    const g = GROUP.exec(text);
    if (g) {
      flush();
      groupNo = parseChineseNumber(g[1] ?? '') ?? 0;
      group = (g[2] ?? '').trim();
      inGroupTitle = true;
      continue;
    }
    if (inGroupTitle && !row) {
      group += text; // a group title wrapped onto the next line
      continue;
    }
    if (row) cellLines.push({ line, text });
  }
  flush();
  return { headerLine: h + 1, rows };
}

/** Index of the task column title that is followed by 牵头单位 and a cooperating column. */
// The sections and the table step both look for the header: find it once per document.
const HEADERS = new WeakMap<readonly string[], { length: number; at: number }>();

export function findTableHeader(lines: readonly string[]): number {
  const known = HEADERS.get(lines);
  if (known && known.length === lines.length) return known.at;
  // Every task column title contains 任务: test that before trimming each line.
  const at = lines.findIndex((l, i) => l.includes('任务') && TASK_COLUMN.has(l.trim()) && lines[i + 1]?.trim() === '牵头单位' && /^(协办|配合|参与)单位$/.test(lines[i + 2]?.trim() ?? ''));
  HEADERS.set(lines, { length: lines.length, at });
  return at;
}

/** Lines ending in 、 continue onto the next line; otherwise each line is one cell. */
function fillCells(row: TableRow, cellLines: LineText[]): void {
  const cells: LineText[][] = [];
  let open = false;
  for (const c of cellLines) {
    row.lines.push(c.line);
    if (open) cells[cells.length - 1]?.push(c);
    else cells.push([c]);
    open = c.text.endsWith('、');
  }
  row.lead = (cells[0] ?? []).filter((c) => c.text);
  row.coop = (cells[1] ?? []).filter((c) => c.text && c.text !== '/');
  row.extraCells = cells.slice(2).flat().filter((c) => c.text);
}
