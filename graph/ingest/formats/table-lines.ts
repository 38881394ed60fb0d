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
  rows.forEach((cells, r) => {
    const line = (grid[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      const text = cleanCellText(cell.text);
      const rs = Math.max(1, cell.rowSpan ?? 1);
      const cs = Math.max(1, cell.colSpan ?? 1);
      if (cells.length === 1 && cs > 1) spanning.add(r);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[c + dc] = text;
      }
      c += cs;
    }
  });
  const width = grid.reduce((w, line) => Math.max(w, line.length), 0);
  const out: TableLine[] = [];
  grid.forEach((line, r) => {
    const cells = Array.from({ length: width }, (_, i) => line[i] ?? '');
    if (cells.every((t) => t === '')) return;
    const alone = fullWidthWhenAlone && cells.slice(1).every((t) => t === '');
    const wide = width === 1 || alone || (spanning.has(r) && cells.every((t) => t === cells[0]));
    out.push({ text: wide ? cells[0]! : cells.join('\t'), row: r });
  });
  return out;
}

/** Appends a table to `lines` with exactly one blank line before it (unless at the top) and after it. */
export function pushTable(lines: string[], table: readonly string[]): void {
  if (table.length === 0) return;
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  lines.push(...table, '');
}
