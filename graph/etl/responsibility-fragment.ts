import { edgeId, type EdgeType, type ExtractionWarning, type GraphEdge, type GraphNode } from '../model/index.ts';
import type { DocumentStructure } from './parse-document.ts';
import { addUnitNode, DocumentUnits, mentionEvidence, type PlacedUnit } from './responsibility-units.ts';
import type { GraphFragment } from './types.ts';

/**
 * LEADS / COOPERATES from the table rows (the authority for a row) and from the responsibility
 * clauses (onto their section), and CITES from a section to the rows its clause cites.
 */
export function buildResponsibilityFragment(s: DocumentStructure, units = new DocumentUnits(s)): GraphFragment {
  const doc = s.parsed.source.file;
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const warnings: ExtractionWarning[] = [];
  const unitWarnings = new UnitWarnings(doc);
  const link = (type: EdgeType, u: PlacedUnit, target: string, source: 'table' | 'clause') => {
    addUnitNode(nodes, doc, u);
    edges.push({ id: edgeId(type, u.id, target), type, source: u.id, target, props: { source }, evidence: mentionEvidence(doc, u) });
    unitWarnings.add(u);
  };

  const rows = s.table?.rows ?? [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const target = s.rowIds.get(row.no);
    if (!target) continue;
    const roles = units.row(i);
    for (const u of roles.lead) link('LEADS', u, target, 'table');
    for (const u of roles.coop) link('COOPERATES', u, target, 'table');
    for (const u of roles.resp) link('RESPONSIBLE', u, target, 'table');
    for (const c of row.extraCells) warnings.push({ doc, line: c.line, kind: 'unparsed-line', message: `row ${row.no}: cell beyond 牵头单位/协办单位`, text: c.text });
  }

  for (let i = 0; i < s.clauses.length; i++) {
    const { clause, sectionId } = s.clauses[i]!;
    if (!sectionId) {
      warnings.push({ doc, line: clause.line, kind: 'unparsed-line', message: 'responsibility clause outside any section', text: clause.quote });
      continue;
    }
    const roles = units.clause(i);
    for (const u of roles.lead) link('LEADS', u, sectionId, 'clause');
    for (const u of roles.coop) link('COOPERATES', u, sectionId, 'clause');
    for (const u of roles.resp) link('RESPONSIBLE', u, sectionId, 'clause');
    for (const no of clause.rows) {
      const rowId = s.rowIds.get(no);
      if (!rowId) {
        warnings.push({ doc, line: clause.line, kind: 'missing-table-row', message: `clause cites 附表${no}, which the table lacks`, text: clause.citeQuote });
        continue;
      }
      edges.push({
        id: edgeId('CITES', sectionId, rowId), type: 'CITES', source: sectionId, target: rowId,
        props: { tableNo: no }, evidence: [{ doc, line: clause.line, quote: clause.citeQuote }],
      });
    }
  }
  return { nodes: [...nodes.values()], edges, warnings: [...unitWarnings.list(), ...warnings] };
}

/**
 * One warning per name a document leaves untyped or unresolved, on its first line, saying how
 * often it is named: a plan naming a new bureau in every row is one thing to look at, not fifty.
 */
class UnitWarnings {
  private readonly byName = new Map<string, { warning: ExtractionWarning; lines: Set<number> }>();

  constructor(private readonly doc: string) {}

  add(u: PlacedUnit): void {
    const a = u.advice;
    if (!a) return;
    const key = `${a.kind}\u0000${u.mention.surface}`;
    const seen = this.byName.get(key);
    if (seen) seen.lines.add(u.mention.line);
    else this.byName.set(key, { warning: { doc: this.doc, line: u.mention.line, text: u.mention.surface, kind: a.kind, message: a.message }, lines: new Set([u.mention.line]) });
  }

  list(): ExtractionWarning[] {
    return [...this.byName.values()].map(({ warning, lines }) =>
      lines.size > 1 ? { ...warning, line: Math.min(...lines), message: `${warning.message} (on ${lines.size} lines)` } : warning);
  }
}
