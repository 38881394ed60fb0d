import { nodeId, type Evidence, type GraphNode } from '../model/index.ts';
import type { TableRow } from './division-table.ts';
import type { ResponsibilityClause } from './responsibility-clauses.ts';
import type { DocumentStructure } from './parse-document.ts';
import type { LineText } from './sections.ts';
import { HOME, placeInJurisdiction, prepareJurisdiction, readJurisdiction, type PlacedJurisdiction } from './jurisdiction.ts';
import { looksLikeAbbreviation, resolveUnit, startsWithCity, surfacesOf, type ResolvedUnit, type UnitMention } from './unit-names.ts';

/** A unit mention with its typing and node id, ready to become an edge. */
export interface PlacedUnit {
  mention: UnitMention;
  unit: ResolvedUnit;
  id: string;
  /** Whose body it is: 深圳市, 广州市越秀区, 国家 (props.jurisdiction of an Agency). */
  jurisdiction: string;
  /** Every line of the cell the unit sits in: a wrapped cell is evidenced by each of its lines. */
  cell: readonly LineText[];
  /** What its typing deserves a warning for, if anything (the same for every mention of the name). */
  advice: UnitAdvice | null;
}

export interface UnitAdvice {
  kind: 'unknown-unit-type' | 'unresolved-abbreviation';
  message: string;
}

export interface UnitRoles {
  lead: PlacedUnit[];
  coop: PlacedUnit[];
  /** Named by an unsplit list with no stated lead: the RESPONSIBLE role. */
  resp: PlacedUnit[];
}

// The same few hundred unit names recur in every cell: type each once, per jurisdiction and
// 市-sharing flag. Bounded so memory stays flat.
type ResolvedCache = readonly [Map<string, Resolved>, Map<string, Resolved>];
const BY_JURISDICTION = new Map<string, ResolvedCache>();
const RESOLVED_MAX = 4096;
const JURISDICTIONS_MAX = 64;

interface Resolved {
  unit: ResolvedUnit;
  id: string;
  /** Whose body it is (props.jurisdiction of an Agency). */
  jurisdiction: string;
  advice: UnitAdvice | null;
}

function cacheFor(j: PlacedJurisdiction): ResolvedCache {
  let c = BY_JURISDICTION.get(j.key);
  if (!c) {
    if (BY_JURISDICTION.size >= JURISDICTIONS_MAX) BY_JURISDICTION.clear();
    c = [new Map(), new Map()];
    BY_JURISDICTION.set(j.key, c);
  }
  return c;
}

function adviceFor(surface: string, unit: ResolvedUnit): UnitAdvice | null {
  if (unit.via === 'unknown') return { kind: 'unknown-unit-type', message: `cannot tell what kind of unit ${surface} is` };
  if (looksLikeAbbreviation(unit)) return { kind: 'unresolved-abbreviation', message: `${surface} is not in the glossary; typed by its suffix only` };
  return null;
}

/** A unit typed and placed in the document's jurisdiction: Guangzhou's 市教育局 is agency:广州市教育局. */
function resolved(surface: string, sharedMunicipal: boolean, j: PlacedJurisdiction, cache: ResolvedCache): Resolved {
  const map = cache[sharedMunicipal ? 1 : 0];
  let r = map.get(surface);
  if (!r) {
    const local = resolveUnit({ surface, sharedMunicipal });
    const placed = placeInJurisdiction(local, j);
    // Another jurisdiction's body keeps none of the glossary body's other names.
    const unit = placed.canonical === local.canonical ? local : { ...local, canonical: placed.canonical, aliases: [] };
    r = { unit, id: nodeId(unit.type, unit.canonical), jurisdiction: placed.jurisdiction, advice: adviceFor(surface, unit) };
    if (map.size >= RESOLVED_MAX) map.clear();
    map.set(surface, r);
  }
  return r;
}

/** The units of one cell, each once, as splitUnitList gives its mentions (no list of them in between). */
function place(parts: readonly LineText[], j: PlacedJurisdiction): PlacedUnit[] {
  const out: PlacedUnit[] = [];
  const cache = cacheFor(j);
  let municipal = false;
  for (const part of parts) {
    for (const surface of surfacesOf(part.text)) {
      const city = startsWithCity(surface);
      const sharedMunicipal = municipal && !city;
      const r = resolved(surface, sharedMunicipal, j, cache);
      // A 市-prefixed name makes the names after it municipal too; a collective phrase does not.
      if (city && !r.unit.collective) municipal = true;
      // A cell names a handful of units: a scan is cheaper than a set.
      if (out.some((u) => u.id === r.id)) continue;
      out.push({ mention: { surface, line: part.line, sharedMunicipal }, unit: r.unit, id: r.id, jurisdiction: r.jurisdiction, cell: parts, advice: r.advice });
    }
  }
  return out;
}

export function rowUnits(row: TableRow, j: PlacedJurisdiction = HOME): UnitRoles {
  return { lead: place(row.lead, j), coop: place(row.coop, j), resp: place(row.resp, j) };
}

export function clauseUnits(clause: ResponsibilityClause, j: PlacedJurisdiction = HOME): UnitRoles {
  return { lead: place(clause.lead, j), coop: place(clause.coop, j), resp: place(clause.resp, j) };
}

/**
 * The units of a document's rows and clauses (by their index in the structure), each read once
 * for the responsibility step and the consistency check. Kept by whoever holds the document,
 * not in a weak map: one entry per row made every garbage collection slower.
 */
export class DocumentUnits {
  private readonly rows: (UnitRoles | undefined)[] = [];
  private readonly clauses: (UnitRoles | undefined)[] = [];
  /** Whose 市 and 区 the document's units are: read once from its header, title or signature. */
  readonly jurisdiction: PlacedJurisdiction;

  constructor(private readonly s: DocumentStructure) {
    this.jurisdiction = prepareJurisdiction(readJurisdiction(s.parsed.source));
  }

  row(i: number): UnitRoles {
    return (this.rows[i] ??= rowUnits(this.s.table!.rows[i]!, this.jurisdiction));
  }

  clause(i: number): UnitRoles {
    return (this.clauses[i] ??= clauseUnits(this.s.clauses[i]!.clause, this.jurisdiction));
  }
}

export function mentionEvidence(doc: string, u: PlacedUnit): Evidence[] {
  const out: Evidence[] = [{ doc, line: u.mention.line, quote: u.mention.surface }];
  for (const c of u.cell) if (c.line !== u.mention.line) out.push({ doc, line: c.line, quote: c.text });
  return out;
}

/** The organisation node a unit mention stands for; the written form becomes an alias. */
export function unitNode(doc: string, u: PlacedUnit): GraphNode {
  const { unit, mention } = u;
  const props: GraphNode['props'] = {};
  if (unit.type === 'Agency') {
    props.level = unit.level ?? 'other';
    props.jurisdiction = u.jurisdiction;
    if (unit.kind) props.kind = unit.kind;
  }
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

/**
 * Adds a mention's node to `nodes`, one per id: a repeat is merged as GraphAccumulator.addNode
 * would merge it (names united, props assigned, evidence once each), so the many mentions of a
 * unit in one document cost one node.
 */
export function addUnitNode(nodes: Map<string, GraphNode>, doc: string, u: PlacedUnit): void {
  const old = nodes.get(u.id);
  if (!old) return void nodes.set(u.id, unitNode(doc, u));
  const { unit, mention } = u;
  for (const a of unit.aliases) if (!old.aliases.includes(a)) old.aliases.push(a);
  if (!old.aliases.includes(mention.surface)) old.aliases.push(mention.surface);
  if (unit.type === 'Agency') {
    old.props.level = unit.level ?? 'other';
    old.props.jurisdiction = u.jurisdiction;
    if (unit.kind) old.props.kind = unit.kind;
  }
  if (unit.nameEn) old.props.nameEn = unit.nameEn;
  if (unit.collective) old.props.collective = true;
  const line = mention.line;
  if (!old.evidence.some((e) => e.line === line && e.quote === mention.surface)) old.evidence.push({ doc, line, quote: mention.surface });
}
