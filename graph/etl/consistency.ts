import type { ConsistencyFinding, Evidence } from '../model/index.ts';
import type { DocumentStructure } from './parse-document.ts';
import { DocumentUnits, type PlacedUnit } from './responsibility-units.ts';

const ROLES = [
  ['LEADS', 'lead'],
  ['COOPERATES', 'coop'],
] as const;

/**
 * Where a responsibility clause and a row it cites name different units. A clause summarises all
 * its rows, so a unit is "only in the clause" when none of the cited rows names it, and "only in
 * the row" when the clause does not name it. Collective phrases compare like any other unit.
 */
export function findInconsistencies(s: DocumentStructure, units = new DocumentUnits(s)): ConsistencyFinding[] {
  const doc = s.parsed.source.file;
  const out: ConsistencyFinding[] = [];
  const rows = s.table?.rows ?? [];
  const rowsByNo = new Map(rows.map((r, i) => [r.no, i]));
  const sectionName = new Map(s.sections.map((x) => [x.id, x.rec.title]));
  for (let i = 0; i < s.clauses.length; i++) {
    const { clause, sectionId } = s.clauses[i]!;
    if (!sectionId) continue;
    const fromClause = units.clause(i);
    const cited = clause.rows.map((no) => {
      const at = rowsByNo.get(no);
      return { no, at, row: at === undefined ? null : rows[at]! };
    });
    const fromRows = cited.map((c) => (c.at === undefined ? null : units.row(c.at)));
    for (const [role, key] of ROLES) {
      const clauseNames = names(fromClause[key]);
      const union = new Set(fromRows.flatMap((r) => (r ? names(r[key]) : [])));
      const onlyInClause = clauseNames.filter((n) => !union.has(n));
      cited.forEach(({ no, row }, k) => {
        const rowNames = row ? names(fromRows[k]?.[key] ?? []) : [];
        const onlyInRow = rowNames.filter((n) => !clauseNames.includes(n));
        if (onlyInRow.length === 0 && onlyInClause.length === 0 && row) return;
        out.push({
          doc,
          sectionId,
          sectionName: sectionName.get(sectionId) ?? '',
          clause: { doc, line: clause.line, quote: clause.quote },
          rowNo: no,
          rowId: row ? (s.rowIds.get(no) ?? null) : null,
          rowName: row?.title ?? null,
          row: row ? rowEvidence(doc, row.titleLine, row.quote, fromRows[k]?.[key] ?? []) : [],
          role,
          onlyInClause,
          onlyInRow,
        });
      });
    }
  }
  return out;
}

function names(units: readonly PlacedUnit[]): string[] {
  return units.map((u) => u.unit.canonical);
}

function rowEvidence(doc: string, line: number, quote: string, units: readonly PlacedUnit[]): Evidence[] {
  const out: Evidence[] = [{ doc, line, quote }];
  for (const u of units) for (const c of u.cell) if (!out.some((e) => e.line === c.line)) out.push({ doc, line: c.line, quote: c.text });
  return out;
}
