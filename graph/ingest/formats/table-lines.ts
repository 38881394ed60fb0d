/**
 * The one way every reader (HTML, Word, spreadsheet, CSV) writes a table into source text:
 * one row per line, cells joined by a TAB, a spanned cell repeated in every position it covers,
 * a row that is one cell across the whole width (a group title, a caption) written once.
 */

/** A cell as a reader finds it; spans default to 1. */
export interface TableCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

/** A table line and the source row (0-based, in the reader's own numbering) it was written from. */
export interface TableLine {
  text: string;
  row: number;
}

/** Line breaks and whitespace runs inside a cell become one space; the cell is trimmed. */
export function cleanCellText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Rows of cells with spans → grid lines. `fullWidthWhenAlone` also writes once a row whose
 * only non-empty cell is the first: how a spreadsheet title or group row looks without a merge.
 */
export function tableToLines(rows: readonly (readonly TableCell[])[], fullWidthWhenAlone = false): TableLine[] {
  const grid: string[][] = [];
  const spanning = new Set<number>();
  // Per row: the columns a cell spanning several columns covers, and whether a cell spans rows.
  const wideColumns: Set<number>[] = [];
  const tall = new Set<number>();
  rows.forEach((cells, r) => {
    const line = (grid[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      const text = cleanCellText(cell.text);
      const rs = Math.max(1, cell.rowSpan ?? 1);
      const cs = Math.max(1, cell.colSpan ?? 1);
      if (cells.length === 1 && cs > 1) spanning.add(r);
      if (rs > 1) tall.add(r);
      if (cs > 1) for (let dc = 0; dc < cs; dc++) (wideColumns[r] ??= new Set()).add(c + dc);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[c + dc] = text;
      }
      c += cs;
    }
  });
  const width = grid.reduce((w, line) => Math.max(w, line.length), 0);
  const subHeader = subHeaderRows(grid, width, wideColumns, tall, spanning);
  const out: TableLine[] = [];
  grid.forEach((line, r) => {
    if (subHeader.has(r + 1)) return; // a two-row header is written once, as its lower row
    const cells = Array.from({ length: width }, (_, i) => line[i] ?? '');
    if (cells.every((t) => t === '')) return;
    const alone = fullWidthWhenAlone && cells.slice(1).every((t) => t === '');
    const wide = width === 1 || alone || (spanning.has(r) && cells.every((t) => t === cells[0]));
    out.push({ text: wide ? cells[0]! : cells.join('\t'), row: r });
  });
  return out;
}

/**
 * Rows that finish the header above them: 责任单位 spanning 牵头单位 / 配合单位 in the row below,
 * with 序号 and 重点任务 spanning both rows. Such a row repeats every cell of the row above except
 * under that row's wide cells, where it names the columns: the lower row alone is the header.
 */
function subHeaderRows(grid: readonly string[][], width: number, wide: readonly (Set<number> | undefined)[], tall: ReadonlySet<number>, spanning: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (let r = 0; r + 1 < grid.length; r++) {
    const cols = wide[r];
    if (!cols || !tall.has(r) || spanning.has(r)) continue;
    const upper = grid[r]!;
    const lower = grid[r + 1]!;
    let differs = false;
    let ok = true;
    for (let c = 0; c < width && ok; c++) {
      const same = (upper[c] ?? '') === (lower[c] ?? '');
      if (!same && !cols.has(c)) ok = false;
      if (!same) differs = true;
    }
    if (ok && differs) out.add(r + 1);
  }
  return out;
}

/** Appends a table to `lines` with exactly one blank line before it (unless at the top) and after it. */
export function pushTable(lines: string[], table: readonly string[]): void {
  if (table.length === 0) return;
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  lines.push(...table, '');
}
