import { AGENCY_GLOSSARY, HOME_JURISDICTION } from './glossary/agencies.ts';
import type { SourceDocument } from './types.ts';
import { startsWithCity, type ResolvedUnit } from './unit-names.ts';

/** Whose 省, 市 and 区 a document speaks for, read from its issuing body, title or signature. */
export interface Jurisdiction {
  province: string | null;
  city: string | null;
  district: string | null;
}

// 中共广州市委, 广州市越秀区人民政府, 广东省人民政府, 越秀区教育局: the place names a name starts with.
// 市 is not followed by 场 (深圳市场…), and a name is two to four characters before its 省 / 市 / 区.
const PLACE = /^(?:中共|中国共产党)?(?:([\u4e00-\u9fa5]{2,3}?)省)?(?:([\u4e00-\u9fa5]{2,4}?)市(?!场))?([\u4e00-\u9fa5]{2,4}?(?:新区|区|县)(?![域级]))?/u;
// A signature line: a body's name alone, ending like one.
const SIGNATURE = /^[\u4e00-\u9fa5（）\s]{4,40}(?:政府|办公厅|办公室|委员会|局|委|办|厅|管委会)$/u;

/** The place a name starts with; every part null when it names none. */
export function placeOf(name: string): Jurisdiction {
  const text = name.replace(/^\s+/u, '').replace(/^关于(?:印发|转发)?《?/u, '');
  const m = PLACE.exec(text);
  return { province: m?.[1] ?? null, city: m?.[2] ?? null, district: m?.[3] ?? null };
}

function isEmpty(j: Jurisdiction): boolean {
  return !j.province && !j.city && !j.district;
}

/**
 * The document's jurisdiction: its 发布机构, else its title, else the body that signs it (the last
 * lines). A district without its city takes the city from a "X市Y区" anywhere in the head or the end.
 */
export function readJurisdiction(source: Pick<SourceDocument, 'header' | 'lines'>): Jurisdiction {
  const { header, lines } = source;
  const tail = signatureLines(lines);
  let found: Jurisdiction = { province: null, city: null, district: null };
  for (const text of [header.publisher, header.title, titleLine(lines), ...tail]) {
    if (!text) continue;
    const j = placeOf(text);
    if (isEmpty(j)) continue;
    found = j;
    break;
  }
  if (found.district && !found.city) {
    const near = [header.title ?? '', ...lines.slice(0, 40), ...tail].join('\n');
    const m = new RegExp(`([\\u4e00-\\u9fa5]{2,4}?)市${found.district}`, 'u').exec(near);
    if (m?.[1]) found = { ...found, city: m[1].replace(/^.*(?:省|中共)/u, '') || null };
  }
  return found;
}

// A plain-text plan without a page header: its first line names it (广州市推进…工作方案).
const TITLE = /^[\u4e00-\u9fa5《》（）()\d、—-]{4,60}(?:方案|规划|计划|意见|通知|办法|纲要|分工|要点|措施|行动|决定|细则|清单|表)(?:（[^）]{1,20}）)?$/u;

/** The first non-empty line when it reads as a document title, else null. */
function titleLine(lines: readonly string[]): string | null {
  const first = lines.slice(0, 5).map((l) => l.trim()).find((l) => l.length > 0);
  return first && TITLE.test(first) ? first : null;
}

function signatureLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 12; i--) {
    const t = (lines[i] ?? '').trim();
    if (t && SIGNATURE.test(t)) out.push(t);
  }
  return out;
}

const HOME_CITY = `${HOME_JURISDICTION.city}市`;
const HOME_PROVINCE = `${HOME_JURISDICTION.province}省`;
// The glossary's districts are the home city's: a document issued by one of them is the home city's.
const HOME_DISTRICTS = new Set(AGENCY_GLOSSARY.filter((e) => e.level === 'district').map((e) => /^.+?(?:新区|区)/u.exec(e.name)?.[0]));

/** A jurisdiction made ready for placing units: labels and whether each level is the glossary's. */
export interface PlacedJurisdiction {
  readonly key: string;
  /** The city is the glossary's: 市X keeps the glossary's ids. */
  readonly cityHome: boolean;
  /** 广州市, 深圳市, or （越秀区）市 when a district names no city. */
  readonly cityLabel: string;
  readonly district: string | null;
  readonly provinceHome: boolean;
  readonly provinceLabel: string;
  /** The document's own jurisdiction, most specific first: 广州市越秀区, 广州市, 广东省. */
  readonly label: string;
  /** The document is the glossary city's own, not one of its districts. */
  readonly home: boolean;
}

export function prepareJurisdiction(j: Jurisdiction): PlacedJurisdiction {
  const cityHome = j.city ? j.city === HOME_JURISDICTION.city : j.district ? HOME_DISTRICTS.has(j.district) : j.province ? j.province === HOME_JURISDICTION.province : true;
  const cityLabel = cityHome ? HOME_CITY : j.city ? `${j.city}市` : j.district ? `（${j.district}）市` : HOME_CITY;
  const provinceHome = !j.province || j.province === HOME_JURISDICTION.province;
  const provinceLabel = provinceHome ? HOME_PROVINCE : `${j.province}省`;
  const cityKnown = j.city !== null || j.district !== null || !j.province;
  const label = j.district ? `${j.city || cityHome ? cityLabel : ''}${j.district}` : cityKnown ? cityLabel : provinceLabel;
  return { key: `${j.province ?? ''}|${j.city ?? ''}|${j.district ?? ''}`, cityHome, cityLabel, district: j.district, provinceHome, provinceLabel, label, home: cityHome && !j.district && cityKnown };
}

export const HOME: PlacedJurisdiction = prepareJurisdiction({ province: null, city: null, district: null });

function namesOwnCity(name: string, j: PlacedJurisdiction): boolean {
  const city = j.cityLabel.slice(0, -1);
  return city.length >= 2 && !city.startsWith('（') && name.startsWith(city);
}

/** A unit's name and jurisdiction in the document's jurisdiction; the name is unchanged for the glossary's own. */
export function placeInJurisdiction(unit: ResolvedUnit, j: PlacedJurisdiction): { canonical: string; jurisdiction: string } {
  const name = unit.canonical;
  // 阳江海事局 / 珠海高新区管委会 already name their city: not 阳江市阳江海事局.
  if (!j.cityHome && unit.scope !== 'fixed' && unit.scope !== 'named-district' && namesOwnCity(name, j)) return { canonical: name, jurisdiction: j.cityLabel };
  // 团区委 in 越秀区's document: 团广州市越秀区委, as 团市委 is 团广州市委.
  if (j.district && /^团[区县]委$/u.test(name)) return { canonical: `团${j.cityHome ? '' : j.cityLabel}${j.district}委`, jurisdiction: `${j.cityLabel}${j.district}` };
  switch (unit.scope) {
    case 'city': {
      if (j.cityHome) return { canonical: name, jurisdiction: j.cityLabel };
      // 市委组织部 → 广州市委组织部, 教育局 → 广州市教育局, 团市委 → 团广州市委, 市场监管局 → 广州市市场监管局.
      const city = j.cityLabel.slice(0, -1);
      const canonical = startsWithCity(name) ? `${city}${name}` : !name.startsWith('市') && name.includes('市委') ? name.replace('市委', `${city}市委`) : `${j.cityLabel}${name}`;
      return { canonical, jurisdiction: j.cityLabel };
    }
    case 'district': {
      const rest = name.slice(1); // after 区 / 县
      if (!j.district) return { canonical: j.cityHome ? name : `${j.cityLabel}${name}`, jurisdiction: j.cityLabel };
      return { canonical: `${j.cityHome ? '' : j.cityLabel}${j.district}${rest}`, jurisdiction: `${j.cityLabel}${j.district}` };
    }
    case 'named-district': {
      const district = /^.+?(?:新区|区|县)/u.exec(name)?.[0] ?? '';
      if (!j.cityHome && j.cityLabel.startsWith('（')) return { canonical: name, jurisdiction: district };
      // 珠海高新区管委会 already names its city: not 珠海市珠海高新区管委会.
      const namesCity = namesOwnCity(name, j);
      return { canonical: j.cityHome || namesCity ? name : `${j.cityLabel}${name}`, jurisdiction: `${j.cityLabel}${namesCity ? district.slice(j.cityLabel.length - 1) : district}` };
    }
    case 'province': {
      const rest = name.charCodeAt(0) === 0x7701 ? name.slice(1) : name; // 省
      return { canonical: j.provinceHome ? name : `${j.provinceLabel}${rest}`, jurisdiction: j.provinceLabel };
    }
    case 'document': {
      if (j.home) return { canonical: name, jurisdiction: j.label };
      // 市供销社, typed by its name only: the city's, once (not 清远市市供销社).
      if (name.startsWith('市') && !unit.collective) return { canonical: `${j.cityLabel}${name.slice(1)}`, jurisdiction: j.cityLabel };
      return { canonical: `${j.label}${name}`, jurisdiction: j.label };
    }
    case 'fixed':
      return { canonical: name, jurisdiction: unit.jurisdiction ?? (unit.level === 'national' ? '国家' : j.label) };
  }
}
