import type { AgencyKind, AgencyLevel, NodeType } from '../model/index.ts';
import { lookupOrganisation } from './organisations.ts';
import { AGENCY_GLOSSARY, COLLECTIVE_GLOSSES } from './glossary/agencies.ts';
import { UNIT_ORGANISATIONS } from './glossary/unit-organisations.ts';
import type { LineText } from './sections.ts';
import { isCollectivePhrase, typeByRules } from './unit-kinds.ts';

/** A unit as written in a cell or clause, with the line it is on (its evidence). */
export interface UnitMention {
  surface: string;
  line: number;
  /** An earlier unit in the same list carried 市: 市发展改革局、科技信息局 share it. */
  sharedMunicipal: boolean;
}

/**
 * How a name depends on the issuing document's jurisdiction (jurisdiction.ts applies it):
 * 'city' 市X / a municipal glossary body, 'district' 区X, 'named-district' 越秀区X, 'province' 省X,
 * 'document' a collective phrase or a body of no stated level, 'fixed' a full name (中山大学, 科技部).
 */
export const UNIT_SCOPES = ['city', 'district', 'named-district', 'province', 'document', 'fixed'] as const;
export type UnitScope = (typeof UNIT_SCOPES)[number];

export interface ResolvedUnit {
  type: NodeType;
  canonical: string;
  aliases: string[];
  level?: AgencyLevel;
  collective?: boolean;
  nameEn?: string;
  /** Agencies that are not collective phrases. */
  kind?: AgencyKind;
  scope: UnitScope;
  /** Where a 'fixed' agency serves, when the glossary says (深圳证监局 → 深圳市). */
  jurisdiction?: string;
  /** 'rule': a party body, people's organisation, court or procuratorate typed by its name. */
  via: 'collective' | 'glossary' | 'organisations' | 'rule' | 'suffix' | 'unknown';
}

/** Splits 市发展改革局、科技信息局、贸工局等 into mentions; 等, / and blanks mean no more units. */
export function splitUnitList(parts: readonly LineText[]): UnitMention[] {
  const out: UnitMention[] = [];
  let municipal = false;
  for (const part of parts) {
    for (const surface of surfacesOf(part.text)) {
      const city = startsWithCity(surface);
      out.push({ surface, line: part.line, sharedMunicipal: municipal && !city });
      if (city && !isCollectivePhrase(surface)) municipal = true;
    }
  }
  return out;
}

/** 市X names the document's city; 市场监管局 does not (市市场监管局 does). */
export function startsWithCity(surface: string): boolean {
  return surface.charCodeAt(0) === 0x5e02 && surface.charCodeAt(1) !== 0x573a; // 市, not 市场
}

/** A 市-prefixed name that makes the names after it in its list municipal too (a collective phrase does not). */
export function sharesCity(surface: string): boolean {
  return startsWithCity(surface) && !isCollectivePhrase(surface);
}

/**
 * The names in one cell text, split at 、，,；; / and whitespace (a table cell whose line breaks
 * became spaces), and at 和 / 及 after 局办委府会厅. Whitespace inside parentheses does not split. A scan instead of a
 * split on /[、，,；]|(?<=[局办委府会])和/ (the look-behind is slow), and no cache of cell texts:
 * most cells of a new document are new, so a cache cost more than the scan it saved.
 */
export function surfacesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0xff08 || c === 0x28) depth++; // （ (
      else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
      if (depth > 0 || !isSeparator(text, i)) continue;
    }
    const token = text.slice(start, i).trim();
    const surface = (token.endsWith('等') ? token.slice(0, -1) : token).trim();
    if (surface && surface !== '/') out.push(surface);
    start = i + 1;
  }
  return out;
}

function isSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // 、 ， , ； ; / ／ and whitespace (space, tab, ideographic space, no-break space)
  if (c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0x2f || c === 0xff0f) return true;
  if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0) return true;
  if ((c !== 0x548c && c !== 0x53ca) || i === 0) return false; // 和 及
  const p = text.charCodeAt(i - 1);
  // 局 办 委 府 会 厅
  return p === 0x5c40 || p === 0x529e || p === 0x59d4 || p === 0x5e9c || p === 0x4f1a || p === 0x5385;
}

const BY_NAME = new Map<string, (typeof AGENCY_GLOSSARY)[number]>();
for (const e of AGENCY_GLOSSARY) for (const n of [e.name, ...(e.aliases ?? [])]) BY_NAME.set(n, e);
const ORG_BY_NAME = new Map<string, (typeof UNIT_ORGANISATIONS)[number]>();
for (const o of UNIT_ORGANISATIONS) for (const n of [o.canonical, ...(o.aliases ?? [])]) ORG_BY_NAME.set(n, o);

/** Types and names one unit: collective phrase, agency glossary, organisations step, then typing rules. */
export function resolveUnit(mention: Pick<UnitMention, 'surface' | 'sharedMunicipal'>): ResolvedUnit {
  const s = mention.surface;
  const gloss = COLLECTIVE_GLOSSES[s];
  if (gloss || isCollectivePhrase(s)) return { type: 'Agency', canonical: s, aliases: [], level: 'other', collective: true, ...(gloss ? { nameEn: gloss } : {}), scope: 'document', via: 'collective' };
  const city = startsWithCity(s);
  const bare = city ? s.slice(1) : s;
  const entry = BY_NAME.get(s) ?? (city ? BY_NAME.get(bare) : undefined);
  if (entry) {
    const scope: UnitScope = entry.level === 'municipal' ? 'city' : entry.level === 'district' ? 'named-district' : entry.level === 'other' ? 'province' : 'fixed';
    return { type: 'Agency', canonical: entry.name, aliases: [...(entry.aliases ?? [])], level: entry.level, nameEn: entry.nameEn, kind: entry.kind, scope, jurisdiction: entry.jurisdiction, via: 'glossary' };
  }
  const org = lookupOrganisation(s) ?? ORG_BY_NAME.get(s) ?? null;
  if (org) {
    const agency = org.type === 'Agency' ? { level: org.level ?? 'other', ...(org.collective ? {} : { kind: 'government' as const }) } : {};
    return { type: org.type, canonical: org.canonical, aliases: [...(org.aliases ?? [])], scope: relativeScope(s) ?? 'fixed', via: 'organisations', ...agency, ...(org.collective ? { collective: true } : {}) };
  }
  const typed = typeByRules(s, mention.sharedMunicipal);
  if (!typed) return { type: 'Agency', canonical: s, aliases: [], level: 'other', scope: 'document', via: 'unknown' };
  const via = typed.kind && typed.kind !== 'government' ? 'rule' : 'suffix';
  if (typed.type !== 'Agency') return { type: typed.type, canonical: s, aliases: [], scope: relativeScope(s) ?? 'fixed', via };
  const level = typed.level ?? 'other';
  // Government bodies of the city are named without 市, as the glossary names them; 市委组织部 keeps it.
  const strip = city && typed.kind === 'government';
  const scope: UnitScope = relativeScope(s) ?? (level === 'municipal' ? 'city' : level === 'district' ? 'named-district' : level === 'national' ? 'fixed' : 'document');
  return { type: 'Agency', canonical: strip ? bare : s, aliases: strip ? [s] : [], level, kind: typed.kind ?? 'government', scope, via };
}

/** 市X, 区X, 省X name a body of the document's own city, district or province. */
function relativeScope(s: string): UnitScope | null {
  if (startsWithCity(s)) return 'city';
  const c = s.charCodeAt(0);
  if (c === 0x533a || c === 0x53bf) return 'district'; // 区 县
  if (c === 0x7701) return 'province'; // 省
  return null;
}

/** Short names resolved only by their suffix are likely abbreviations the glossary lacks. */
export function looksLikeAbbreviation(unit: ResolvedUnit): boolean {
  return unit.via === 'suffix' && unit.type === 'Agency' && unit.canonical.length <= 5;
}

/** Known (glossary, organisations, collective phrase), new (typed by a rule or suffix), or untyped. */
export function unitFamiliarity(unit: ResolvedUnit): 'known' | 'new' | 'untyped' {
  if (unit.via === 'unknown') return 'untyped';
  return unit.via === 'rule' || unit.via === 'suffix' ? 'new' : 'known';
}
