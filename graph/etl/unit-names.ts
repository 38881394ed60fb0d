import type { AgencyLevel, NodeType } from '../model/index.ts';
import { lookupOrganisation } from './organisations.ts';
import { AGENCY_GLOSSARY, COLLECTIVE_GLOSSES, COLLECTIVE_PHRASES } from './glossary/agencies.ts';
import { UNIT_ORGANISATIONS } from './glossary/unit-organisations.ts';
import type { LineText } from './sections.ts';

/** A unit as written in a cell or clause, with the line it is on (its evidence). */
export interface UnitMention {
  surface: string;
  line: number;
  /** An earlier unit in the same list carried 市: 市发展改革局、科技信息局 share it. */
  sharedMunicipal: boolean;
}

export interface ResolvedUnit {
  type: NodeType;
  canonical: string;
  aliases: string[];
  level?: AgencyLevel;
  collective?: boolean;
  nameEn?: string;
  via: 'collective' | 'glossary' | 'organisations' | 'suffix' | 'unknown';
}

/** Splits 市发展改革局、科技信息局、贸工局等 into mentions; 等, / and blanks mean no more units. */
export function splitUnitList(parts: readonly LineText[]): UnitMention[] {
  const out: UnitMention[] = [];
  let municipal = false;
  for (const part of parts) {
    for (const surface of surfacesOf(part.text)) {
      const city = startsWithCity(surface);
      out.push({ surface, line: part.line, sharedMunicipal: municipal && !city });
      if (city && !COLLECTIVE.has(surface)) municipal = true;
    }
  }
  return out;
}

const COLLECTIVE = new Set(COLLECTIVE_PHRASES);

export function startsWithCity(surface: string): boolean {
  return surface.charCodeAt(0) === 0x5e02; // 市
}

/** A 市-prefixed name that makes the names after it in its list municipal too (a collective phrase does not). */
export function sharesCity(surface: string): boolean {
  return startsWithCity(surface) && !COLLECTIVE.has(surface);
}

/**
 * The names in one cell text, split at 、，,； and at 和 after 局办委府会. A scan instead of a
 * split on /[、，,；]|(?<=[局办委府会])和/ (the look-behind is slow), and no cache of cell texts:
 * most cells of a new document are new, so a cache cost more than the scan it saved.
 */
export function surfacesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSeparator(text, i)) continue;
    const token = text.slice(start, i).trim();
    const surface = (token.endsWith('等') ? token.slice(0, -1) : token).trim();
    if (surface && surface !== '/') out.push(surface);
    start = i + 1;
  }
  return out;
}

function isSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // 、 ， , ；
  if (c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b) return true;
  if (c !== 0x548c || i === 0) return false; // 和
  const p = text.charCodeAt(i - 1);
  // 局 办 委 府 会
  return p === 0x5c40 || p === 0x529e || p === 0x59d4 || p === 0x5e9c || p === 0x4f1a;
}

const BY_NAME = new Map<string, (typeof AGENCY_GLOSSARY)[number]>();
for (const e of AGENCY_GLOSSARY) for (const n of [e.name, ...(e.aliases ?? [])]) BY_NAME.set(n, e);
const ORG_BY_NAME = new Map<string, (typeof UNIT_ORGANISATIONS)[number]>();
for (const o of UNIT_ORGANISATIONS) for (const n of [o.canonical, ...(o.aliases ?? [])]) ORG_BY_NAME.set(n, o);

const ENTERPRISE = /(公司|集团)$/;
const INSTITUTION = /(大学|科大|学院|研究院|研究所|交易所|实验室|公会|协会|学会|联盟|中心|筹备办)$/;
const AGENCY = /(局|办|委|政府|管委会|厅|部|委员会|办公室)$/;
const DISTRICT = /(区政府|区管委会|区人民政府)$/;

/** Types and names one unit: collective phrase, agency glossary, organisations step, then suffix rules. */
export function resolveUnit(mention: Pick<UnitMention, 'surface' | 'sharedMunicipal'>): ResolvedUnit {
  const s = mention.surface;
  const gloss = COLLECTIVE_GLOSSES[s];
  if (gloss) return { type: 'Agency', canonical: s, aliases: [], level: 'other', collective: true, nameEn: gloss, via: 'collective' };
  const bare = s.startsWith('市') ? s.slice(1) : s;
  const entry = BY_NAME.get(s) ?? BY_NAME.get(bare);
  if (entry) return { type: 'Agency', canonical: entry.name, aliases: [...(entry.aliases ?? [])], level: entry.level, nameEn: entry.nameEn, via: 'glossary' };
  const org = lookupOrganisation(s) ?? ORG_BY_NAME.get(s) ?? null;
  if (org) {
    return { type: org.type, canonical: org.canonical, aliases: [...(org.aliases ?? [])], via: 'organisations', ...(org.type === 'Agency' ? { level: org.level ?? 'other' } : {}), ...(org.collective ? { collective: true } : {}) };
  }
  if (ENTERPRISE.test(s)) return { type: 'Enterprise', canonical: s, aliases: [], via: 'suffix' };
  if (INSTITUTION.test(s)) return { type: 'Institution', canonical: s, aliases: [], via: 'suffix' };
  if (AGENCY.test(s)) {
    const level: AgencyLevel = DISTRICT.test(s) ? 'district' : s.startsWith('市') || mention.sharedMunicipal ? 'municipal' : 'other';
    return { type: 'Agency', canonical: level === 'municipal' ? bare : s, aliases: bare !== s ? [s] : [], level, via: 'suffix' };
  }
  return { type: 'Agency', canonical: s, aliases: [], level: 'other', via: 'unknown' };
}

/** Short names resolved only by their suffix are likely abbreviations the glossary lacks. */
export function looksLikeAbbreviation(unit: ResolvedUnit): boolean {
  return unit.via === 'suffix' && unit.type === 'Agency' && unit.canonical.length <= 5;
}
