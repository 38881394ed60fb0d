import * as XLSX from '@e965/xlsx';
import { FORMAT_LIMITS, FormatRefusal } from './limits.ts';
import type { LineLocations } from './locations.ts';
import { pushTable, tableToLines, type TableCell } from './table-lines.ts';

export interface SheetText {
  /** Body lines (no document header): every sheet as one table, a blank line around each. */
  lines: string[];
  /** 1-based index into `lines` → sheet and 1-based row. */
  locations: LineLocations;
  /** The first line written once above the first header row (a title row), if any. */
  titleRow?: string;
  notes: string[];
}

/**
 * A workbook (.xlsx, .xls) or a CSV already decoded to text, read by SheetJS, as TAB rows.
 * Cell text is the formatted value the user sees; merged ranges are repeated, and a row that is
 * only its first cell (a title or a group heading, merged or not) is written once.
 */
export function readSpreadsheet(data: Uint8Array | string, label: string): SheetText {
  const book = readBook(data, label);
  const lines: string[] = [];
  const locations: LineLocations = new Map();
  const notes: string[] = [];
  let titleRow: string | undefined;
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const full = sheet['!fullref'] ? XLSX.utils.decode_range(sheet['!fullref']) : range;
    if (full.e.r > range.e.r) notes.push(`sheet ${name}: read the first ${range.e.r - range.s.r + 1} of ${full.e.r - full.s.r + 1} rows (cap ${FORMAT_LIMITS.maxSheetRows})`);
    const table = tableToLines(rowsOf(sheet, range), true);
    if (table.length === 0) continue;
    if (titleRow === undefined && table[0] && !table[0].text.includes('\t') && table.length > 1) titleRow = table[0].text;
    const start = lines.length + (lines.length > 0 && lines[lines.length - 1] !== '' ? 1 : 0);
    pushTable(lines, table.map((l) => l.text));
    table.forEach((l, i) => locations.set(start + i + 1, { sheet: name, row: range.s.r + l.row + 1 }));
  }
  return { lines, locations, ...(titleRow !== undefined ? { titleRow } : {}), notes };
}

function readBook(data: Uint8Array | string, label: string): XLSX.WorkBook {
  const opts: XLSX.ParsingOptions = { sheetRows: FORMAT_LIMITS.maxSheetRows, cellFormula: false, cellHTML: false, cellStyles: false };
  try {
    return typeof data === 'string' ? XLSX.read(capCsv(data), { ...opts, type: 'string', raw: true }) : XLSX.read(data, { ...opts, type: 'array' });
  } catch (err) {
    const msg = (err as Error).message;
    if (/password|encrypt/i.test(msg)) throw new FormatRefusal(`refused ${label}: password-protected (encrypted) workbook; save it without a password`);
    throw new FormatRefusal(`corrupt ${label}: ${msg.split('\n')[0]}`);
  }
}

/** A CSV cut after the row cap before parsing, so a million-row file costs what the cap costs. */
function capCsv(text: string): string {
  let at = -1;
  for (let n = 0; n <= FORMAT_LIMITS.maxSheetRows; n++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text;
  }
  return text.slice(0, at + 1);
}

/** The sheet's rows as cells with the spans of its merged ranges; covered cells left out. */
function rowsOf(sheet: XLSX.WorkSheet, range: XLSX.Range): TableCell[][] {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of sheet['!merges'] ?? []) {
    spans.set(`${m.s.r},${m.s.c}`, { rowSpan: m.e.r - m.s.r + 1, colSpan: m.e.c - m.s.c + 1 });
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  const rows: TableCell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: TableCell[] = [];
    // A sheet formatted to its last column (XFD) has no more text for it; 256 columns is past any table.
    for (let c = range.s.c; c <= Math.min(range.e.c, range.s.c + 255); c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      cells.push({ text: cellText(cell), ...spans.get(key) });
    }
    rows.push(cells);
  }
  return rows;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  return cell.w ?? String(cell.v);
}
