import { splitParts } from './clause-grammar.ts';
import { newRow, readGroup, type DivisionTable, type TableLayout, type TableRow } from './table-row.ts';
import { cellRole, classifyColumn, isTableHeader, type ColumnKind } from './table-columns.ts';

/**
 * Tables written one row per line: cells between TABs (what the HTML, Word and spreadsheet readers
 * store, contracts.md A) or between runs of two or more spaces / a full-width space (text laid out
 * in columns). The header is found by its column titles; every cell keeps its line as evidence.
 */
interface Cell { text: string; at: number }

const SPACE_GAP = /[ \u00a0]{2,}|\u3000+/g;

/** The cells of a line: exact substrings of it, trimmed, with where each starts. */
export function splitCells(line: string, layout: Exclude<TableLayout, 'cell-per-line'>): Cell[] {
  const out: Cell[] = [];
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), at: from + lead });
  };
  if (layout === 'tab') {
    let from = 0;
    for (let i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', from)) {
      push(from, i);
      from = i + 1;
    }
    push(from, line.length);
    return out;
  }
  const body = line.trimEnd();
  let from = body.length - body.trimStart().length; // leading indentation is no cell
  SPACE_GAP.lastIndex = from;
  for (let m = SPACE_GAP.exec(body); m; m = SPACE_GAP.exec(body)) {
    if (m.index > from) push(from, m.index);
    from = m.index + m[0].length;
  }
  if (from < body.length) push(from, body.length);
  return out;
}

function headerKinds(cells: readonly Cell[]): ColumnKind[] | null {
  const kinds = cells.map((c) => classifyColumn(c.text) ?? (c.text.length > 0 && c.text.length <= 8 && !/[，。；]/.test(c.text) ? 'other' : null));
  return kinds.length >= 3 && isTableHeader(kinds) ? (kinds as ColumnKind[]) : null;
}

/** The first TAB- or space-aligned header before line index `before`, and its rows. */
export function findDelimitedTable(lines: readonly string[], before: number): DivisionTable | null {
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const l = lines[i] ?? '';
    if (l.length > 200 || !(l.includes('单位') || l.includes('部门'))) continue;
    const layout: Exclude<TableLayout, 'cell-per-line'> | null = l.includes('\t') ? 'tab' : SPACE_GAP.test(l.trim()) ? 'space' : null;
    SPACE_GAP.lastIndex = 0;
    if (!layout) continue;
    const cells = splitCells(l, layout);
    const columns = headerKinds(cells);
    if (columns) return readRows(lines, i, layout, columns);
    // A two-row header copied from Word: 责任单位 over an empty cell, 牵头单位 / 配合单位 on the line below.
    const merged = layout === 'tab' ? mergedHeader(cells, lines[i + 1] ?? '') : null;
    if (merged) return readRows(lines, i + 1, layout, merged);
  }
  return null;
}

function mergedHeader(upper: readonly Cell[], next: string): ColumnKind[] | null {
  if (!next.includes('\t')) return null;
  const lower = splitCells(next, 'tab');
  if (!lower.some((c) => c.text && classifyColumn(c.text))) return null;
  // Every cell of the lower line names a column, under an empty or a wider title of the upper one.
  if (lower.some((c) => c.text && !classifyColumn(c.text))) return null;
  const width = Math.max(upper.length, lower.length);
  const cells = Array.from({ length: width }, (_, k) => ({ text: lower[k]?.text || upper[k]?.text || '', at: 0 }));
  return headerKinds(cells);
}

const NUMBERED_TASK = /^(\d{1,4})[.．、]\s*(\S.*)$/;

function readRows(lines: readonly string[], h: number, layout: Exclude<TableLayout, 'cell-per-line'>, columns: ColumnKind[]): DivisionTable {
  const rows: TableRow[] = [];
  let group = '';
  let groupNo = 0;
  let last = h + 1;
  const noAt = columns.indexOf('no');
  const taskAt = columns.indexOf('task');
  for (let i = h + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const text = raw.trim();
    const line = i + 1;
    if (!text) {
      if (rows.length > 0) break; // a blank line ends the table (contracts.md A)
      continue;
    }
    const cells = splitCells(raw, layout);
    if (cells.length < 2) {
      // A cell spanning the whole width: a group title (（一）…) or a caption.
      const g = readGroup(text);
      if (!g && layout === 'space') break;
      groupNo = g ? g.no : groupNo + 1;
      group = g ? g.title : text;
      last = line;
      continue;
    }
    last = line;
    const cellText = cells[taskAt]?.text ?? '';
    if (!cellText) continue;
    // Without a 序号 column the number often leads the task cell (96.完善…): it numbers the row.
    const lead = noAt < 0 ? NUMBERED_TASK.exec(cellText) : null;
    const title = lead ? (lead[2] ?? '') : cellText;
    const noText = noAt >= 0 ? (cells[noAt]?.text ?? '') : (lead?.[1] ?? '');
    const prev = rows[rows.length - 1];
    const no = /^\d{1,4}$/.test(noText) ? Number(noText) : (prev?.no ?? 0) + 1;
    // A task cell spanning rows repeats on each line: one row, the units of every line.
    const row = prev && prev.no === no && prev.title === title ? prev : newRow(no, title, line, cellText, group, groupNo);
    if (row !== prev) rows.push(row);
    else row.lines.push(line);
    fillRow(row, cells, columns, line);
  }
  return { layout, headerLine: h + 1, lastLine: last, columns, rows };
}

function fillRow(row: TableRow, cells: readonly Cell[], columns: readonly ColumnKind[], line: number): void {
  cells.forEach((c, k) => {
    if (!c.text) return;
    const kind = columns[k];
    if (kind === undefined) return void row.extraCells.push({ line, text: c.text });
    const role = cellRole(kind, columns);
    if (!role || c.text === '/') return;
    // A line break inside a cell became a space: 市府办 市发展改革局 is two units.
    for (const piece of splitParts([{ line, text: c.text }])) if (!row[role].some((x) => x.text === piece.text)) row[role].push(piece);
  });
}
