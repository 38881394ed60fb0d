import { nodeId, type Evidence, type GraphNode } from '../model/index.ts';
import type { TableRow } from './division-table.ts';
import type { ResponsibilityClause } from './responsibility-clauses.ts';
import type { LineText } from './sections.ts';
import { resolveUnit, splitUnitList, type ResolvedUnit, type UnitMention } from './unit-names.ts';

/** A unit mention with its typing and node id, ready to become an edge. */
export interface PlacedUnit {
  mention: UnitMention;
  unit: ResolvedUnit;
  id: string;
  /** Every line of the cell the unit sits in: a wrapped cell is evidenced by each of its lines. */
  cell: LineText[];
}

export interface UnitRoles {
  lead: PlacedUnit[];
  coop: PlacedUnit[];
}

function place(parts: readonly LineText[]): PlacedUnit[] {
  const seen = new Set<string>();
  const out: PlacedUnit[] = [];
  for (const mention of splitUnitList(parts)) {
    const unit = resolveUnit(mention);
    const id = nodeId(unit.type, unit.canonical);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ mention, unit, id, cell: [...parts] });
  }
  return out;
}

export function rowUnits(row: TableRow): UnitRoles {
  return { lead: place(row.lead), coop: place(row.coop) };
}

export function clauseUnits(clause: ResponsibilityClause): UnitRoles {
  return { lead: place([clause.lead]), coop: clause.coop ? place([clause.coop]) : [] };
}

export function mentionEvidence(doc: string, u: PlacedUnit): Evidence[] {
  const own: Evidence = { doc, line: u.mention.line, quote: u.mention.surface };
  const rest = u.cell.filter((c) => c.line !== u.mention.line).map((c) => ({ doc, line: c.line, quote: c.text }));
  return [own, ...rest];
}

/** The organisation node a unit mention stands for; the written form becomes an alias. */
export function unitNode(doc: string, u: PlacedUnit): GraphNode {
  const { unit, mention } = u;
  const props: GraphNode['props'] = {};
  if (unit.type === 'Agency') props.level = unit.level ?? 'other';
  if (unit.nameEn) props.nameEn = unit.nameEn;
  if (unit.collective) props.collective = true;
  return {
    id: u.id,
    type: unit.type,
    name: unit.canonical,
    aliases: [...unit.aliases, mention.surface],
    props,
    evidence: [{ doc, line: mention.line, quote: mention.surface }],
  };
}
