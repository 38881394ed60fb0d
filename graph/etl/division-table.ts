import { findDelimitedTable } from './delimited-table.ts';
import type { LineText } from './sections.ts';
import { newRow, readGroup, type DivisionTable, type TableRow } from './table-row.ts';
import { cellRole, classifyColumn, isTableHeader, type ColumnKind } from './table-columns.ts';

export { TABLE_LAYOUTS, type DivisionTable, type TableLayout, type TableRow } from './table-row.ts';

const ROW = /^(\d{1,3})[.．、]\s*(\S.*)$/;
const BARE_NO = /^\d{1,3}$/;

/** Finds the division-of-labour table, in any layout, and reads its rows. */
export function parseDivisionTable(lines: readonly string[]): DivisionTable | null {
  const h = findTableHeader(lines);
  const delimited = findDelimitedTable(lines, h < 0 ? lines.length : h);
  const table = delimited ?? (h < 0 ? null : readCellPerLine(lines, h));
  if (table) numberThrough(table.rows);
  return table;
}

/**
 * Rows numbered afresh in each group (一、… 1 2, 二、… 1 2) are numbered through the table, so
 * two rows never share a number (and a task): from the first restart on, each row takes the next
 * number. A table numbered through (the seeds', cited by 见附表N) is left as written.
 */
function numberThrough(rows: TableRow[]): void {
  let last = 0;
  let restarted = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const prev = rows[i - 1];
    if (!restarted && prev && r.no <= last && r.groupNo !== prev.groupNo) restarted = true;
    if (restarted) r.no = last + 1;
    last = Math.max(last, r.no);
  }
}

/** The seed's layout: the numbered title line, then one line per cell in header order. */
function readCellPerLine(lines: readonly string[], h: number): DivisionTable {
  const columns = HEADERS.get(lines)?.columns ?? [];
  const cellColumns = columns.filter((k) => k !== 'no' && k !== 'task');
  const rows: TableRow[] = [];
  let group = '';
  let groupNo = 0;
  let inGroupTitle = false;
  let cellLines: LineText[] = [];
  let row: TableRow | null = null;
  let pendingNo: { no: number; line: number } | null = null;
  const flush = () => {
    if (row) {
      fillCells(row, cellLines, cellColumns);
      rows.push(row);
    }
    row = null;
    cellLines = [];
  };
  for (let i = h + columns.length; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    const line = i + 1;
    const r = ROW.exec(text);
    if (r || (pendingNo && text)) {
      flush();
      inGroupTitle = false;
      const no = r ? Number(r[1]) : pendingNo!.no;
      row = newRow(no, r ? (r[2] ?? '').trim() : text, line, text, group, groupNo);
      if (pendingNo) row.lines.unshift(pendingNo.line);
      pendingNo = null;
      continue;
    }
    if (columns[0] === 'no' && BARE_NO.test(text)) {
      flush(); // 序号 in a cell of its own: the title is the next line
      pendingNo = { no: Number(text), line };
      continue;
    }
    const g = readGroup(text);
    if (g) {
      flush();
      groupNo = g.no;
      group = g.title;
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
  return { layout: 'cell-per-line', headerLine: h + 1, lastLine: lines.length, columns, rows };
}

// The sections and the table step both look for the header: find it once per document.
const HEADERS = new WeakMap<readonly string[], { length: number; at: number; columns: ColumnKind[] }>();

/** Index of the first line of a one-title-per-line header (具体工作任务 / 牵头单位 / 协办单位 …), or -1. */
export function findTableHeader(lines: readonly string[]): number {
  const known = HEADERS.get(lines);
  if (known && known.length === lines.length) return known.at;
  let at = -1;
  let columns: ColumnKind[] = [];
  for (let i = 0; i < lines.length && at < 0; i++) {
    const l = lines[i] ?? '';
    // Every header holds a unit column: test that cheaply before reading titles.
    if (l.length > 20 || !(l.includes('单位') || l.includes('部门'))) continue;
    const run = columnRun(lines, i);
    if (run) {
      at = run.start;
      columns = run.columns;
    }
  }
  HEADERS.set(lines, { length: lines.length, at, columns });
  return at;
}

/** The consecutive column-title lines around a unit column title at `i`, if they form a header. */
function columnRun(lines: readonly string[], i: number): { start: number; columns: ColumnKind[] } | null {
  const kindAt = (k: number) => ((lines[k]?.length ?? 99) <= 20 ? classifyColumn(lines[k] ?? '') : null);
  let start = i;
  while (start > 0 && kindAt(start - 1) && i - start < 8) start--;
  const columns: ColumnKind[] = [];
  for (let k = start; k < lines.length && columns.length < 8; k++) {
    const kind = kindAt(k);
    if (!kind) break;
    columns.push(kind);
  }
  return columns.length >= 3 && isTableHeader(columns) ? { start, columns } : null;
}

/** Lines ending in 、 continue onto the next line; otherwise each line is one cell, in column order. */
function fillCells(row: TableRow, cellLines: LineText[], columns: readonly ColumnKind[]): void {
  const cells: LineText[][] = [];
  let open = false;
  for (const c of cellLines) {
    row.lines.push(c.line);
    if (open) cells[cells.length - 1]?.push(c);
    else cells.push([c]);
    open = c.text.endsWith('、');
  }
  columns.forEach((kind, k) => {
    const cell = (cells[k] ?? []).filter((c) => c.text && c.text !== '/');
    const role = cellRole(kind, columns);
    if (role) row[role].push(...cell);
  });
  row.extraCells = cells.slice(columns.length).flat().filter((c) => c.text);
}
