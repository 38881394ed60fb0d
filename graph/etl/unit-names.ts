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

const SEPARATOR = /[、，,；]|(?<=[局办委府会])和/;

/** Splits 市发展改革局、科技信息局、贸工局等 into mentions; 等, / and blanks mean no more units. */
export function splitUnitList(parts: readonly LineText[]): UnitMention[] {
  const out: UnitMention[] = [];
  let municipal = false;
  for (const part of parts) {
    for (const surface of surfacesOf(part.text)) {
      out.push({ surface, line: part.line, sharedMunicipal: municipal && !surface.startsWith('市') });
      if (surface.startsWith('市') && !COLLECTIVE_PHRASES.includes(surface)) municipal = true;
    }
  }
  return out;
}

// Cells repeat across rows and documents: split each text once. Bounded so memory stays flat.
const SURFACES = new Map<string, readonly string[]>();

function surfacesOf(text: string): readonly string[] {
  let list = SURFACES.get(text);
  if (!list) {
    list = text
      .split(SEPARATOR)
      .map((token) => token.trim().replace(/等$/, '').trim())
      .filter((surface) => surface && surface !== '/');
    if (SURFACES.size >= 4096) SURFACES.clear();
    SURFACES.set(text, list);
  }
  return list;
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
