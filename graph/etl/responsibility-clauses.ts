import type { LineText } from './sections.ts';

/** 责任单位：X、Y牵头，Z等配合（见附表N、M）: who leads and cooperates, and which table rows it cites. */
export interface ResponsibilityClause {
  line: number;
  quote: string; // the whole clause, as on its line
  lead: LineText;
  coop: LineText | null;
  rows: number[];
  citeQuote: string; // （见附表N、M）
  convention: 'seed' | 'bracketed' | 'unsplit' | 'prose';
}

const CLAUSE = /责任单位[：:](.+?)牵头(?:[，,](.+?)配合)?(（见附表([\d、，,]+)）)?[。；]?$/;
/**
 * The longest clause in the seeds is about 200 characters. The lazy groups above backtrack
 * quadratically on long text, so a "clause" far past any real one is not tried at all.
 */
export const MAX_CLAUSE_CHARS = 2000;

export function parseClauseLine(text: string, line: number): ResponsibilityClause | null {
  const at = text.indexOf('责任单位');
  if (at < 0) return null;
  const clause = text.slice(at).trim();
  if (clause.length > MAX_CLAUSE_CHARS) return null;
  const m = CLAUSE.exec(clause);
  if (!m) return null;
  const rows = (m[4] ?? '').split(/[、，,]/).filter(Boolean).map(Number);
  return {
    line,
    quote: m[0].replace(/[。；]$/, ''),
    lead: { line, text: m[1] ?? '' },
    coop: m[2] ? { line, text: m[2] } : null,
    rows,
    citeQuote: m[3] ?? '',
    convention: 'seed',
  };
}

/** Every responsibility clause before the annex; each belongs to the section whose body holds its line. */
export function parseClauses(lines: readonly string[], endLine = lines.length): ResponsibilityClause[] {
  const out: ResponsibilityClause[] = [];
  for (let i = 0; i < Math.min(endLine, lines.length); i++) {
    const c = parseClauseLine(lines[i] ?? '', i + 1);
    if (c) out.push(c);
  }
  return out;
}
