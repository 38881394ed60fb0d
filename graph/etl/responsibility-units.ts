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

// The same few hundred unit names recur in every cell: type each once. Bounded so memory stays flat.
const RESOLVED = new Map<string, { unit: ResolvedUnit; id: string }>();
const RESOLVED_MAX = 20_000;

function resolved(mention: UnitMention): { unit: ResolvedUnit; id: string } {
  const key = (mention.sharedMunicipal ? '1' : '0') + mention.surface;
  let r = RESOLVED.get(key);
  if (!r) {
    const unit = resolveUnit(mention);
    r = { unit, id: nodeId(unit.type, unit.canonical) };
    if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.clear();
    RESOLVED.set(key, r);
  }
  return r;
}

function place(parts: readonly LineText[]): PlacedUnit[] {
  const seen = new Set<string>();
  const out: PlacedUnit[] = [];
  for (const mention of splitUnitList(parts)) {
    const { unit, id } = resolved(mention);
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
