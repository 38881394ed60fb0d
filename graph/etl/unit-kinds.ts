import type { AgencyKind, AgencyLevel, NodeType } from '../model/index.ts';

/**
 * Typing rules for a unit name no glossary knows: collective phrases by their pattern, public
 * bodies that are not government departments (party, people's organisations, courts,
 * procuratorates), then suffixes. All tested on the written name only; the document's
 * jurisdiction is applied afterwards (jurisdiction.ts).
 */

// A phrase with 各 (各区, 各有关单位, 市直各部门, 各项目牵头单位, 各区政府（新区管委会）) stands for many bodies.
const EACH = /各/;
// 有关 / 相关 / 其他 + a kind of body: 市直有关部门, 相关区政府, 有关区, 其他成员单位.
const CONCERNED = /^(?:[省市区县](?:直|属|政府)?)?(?:有关|相关|其他|其它|所属|直属)(?:部门|单位|机构|区|县|市|镇|街道|企业|高校|院校|区政府|县政府|成员单位)/;
// A bare level or kind of body with no name: 县级市, 区县, 镇街, 市直部门, 成员单位, 责任单位.
const BARE = /^(?:(?:县级市|地级市|地级以上市|区县|县区|县（市、区）|县\(市、区\)|镇街|乡镇|街道|镇)(?:政府|人民政府)?|[省市区县](?:直|属)(?:部门|单位|机构|企业)|(?:成员|责任|牵头|配合|协办|参与)单位|部门|单位|机构)$/;

export function isCollectivePhrase(s: string): boolean {
  return EACH.test(s) || CONCERNED.test(s) || BARE.test(s);
}

// The place a name may start with: 广州市, 越秀区, 广东省, or the bare 市 / 区 / 省 of the document's own.
const PLACE = '(?:[\\u4e00-\\u9fa5]{2,4}?)?[省市区县]';
const PARTY = new RegExp(`^(?:中共|中国共产党)?(?:${PLACE})?(?:委|纪委|党委|党工委)(?:$|[\\u4e00-\\u9fa5（）]*(?:部|办|办公室|厅|委|室|会|校|中心)$)|(?:党委|党组|党工委|工委)$`);
const PEOPLE = new RegExp(
  `^(?:共青团|团)(?:${PLACE})?委|(?:科协|科学技术协会|工商联|工商业联合会|妇联|妇女联合会|总工会|工会|残联|残疾人联合会|侨联|归国华侨联合会|文联|文学艺术界联合会|社科联|社会科学界联合会|红十字会|青联|台联)$`,
);
const COURT = /(?:法院|中院)$/;
const PROCURATORATE = /检察院$/;

/** The kind of public body a name says it is, if it is not a government department. */
export function publicBodyKind(s: string): Exclude<AgencyKind, 'government'> | null {
  if (PEOPLE.test(s)) return 'people';
  if (PARTY.test(s)) return 'party';
  if (COURT.test(s)) return 'court';
  if (PROCURATORATE.test(s)) return 'procuratorate';
  return null;
}

const ENTERPRISE = /(?:公司|集团|银行|分行|支行|商行|合伙企业)$/;
const INSTITUTION =
  /(?:大学|科大|学院|研究院|研究所|交易所|实验室|公会|协会|学会|联盟|中心|筹备办|医院|学校|中学|小学|幼儿园|图书馆|博物馆|科技馆|基金会|研究会|促进会|商会|联合会|设计院|科学院|院|所|馆|站|台)$/;
const AGENCY = /(?:局|办|委|政府|管委会|厅|部|委员会|办公室|署|处|海关|办事处|街道|镇|乡|区|县|供销社|供销合作社|支队|大队|总队)$/;
// A central body: named after the state, or a ministry (部) not prefixed by a place.
const NATIONAL = /^(?:国家|国务院|中共中央|中央|全国|中国)|^[^省市区县]*部$/;
// A named district (越秀区, 光明新区) at the start of a government body's name.
const NAMED_DISTRICT = /^[\u4e00-\u9fa5]{2,4}?(?:新区|区|县)/;
const CENTRAL_BANK = /^(?:中国)?人民银行/;

export interface RuleTyping {
  type: NodeType;
  kind?: AgencyKind;
  level?: AgencyLevel;
}

/** Type by the rules above; null when no rule applies (the unit is kept, untyped, with a warning). */
export function typeByRules(s: string, sharedMunicipal: boolean): RuleTyping | null {
  const kind = publicBodyKind(s);
  if (kind) return { type: 'Agency', kind, level: levelOf(s, sharedMunicipal, kind) };
  if (CENTRAL_BANK.test(s)) return { type: 'Agency', kind: 'government', level: 'national' };
  if (ENTERPRISE.test(s)) return { type: 'Enterprise' };
  if (INSTITUTION.test(s)) return { type: 'Institution' };
  if (AGENCY.test(s)) return { type: 'Agency', kind: 'government', level: levelOf(s, sharedMunicipal, 'government') };
  return null;
}

function levelOf(s: string, sharedMunicipal: boolean, kind: AgencyKind): AgencyLevel {
  const c = s.charAt(0);
  if (c === '市') return 'municipal';
  if (c === '区' || c === '县') return 'district';
  if (c === '省') return 'other';
  if (kind === 'government' && NATIONAL.test(s)) return 'national';
  if (kind !== 'government' && /^(?:中共中央|最高人民|全国|中华全国|共青团中央|中国)/.test(s)) return 'national';
  // 团区委 / 团市委: the youth league of the document's own 区 or 市.
  const place = (/^(?:共青团|团)([市区县])委/.exec(s) ?? /^(?:中共|共青团|团)?[\u4e00-\u9fa5]{2,4}?([省市区县])/.exec(s))?.[1];
  if (place === '市') return 'municipal';
  if (place === '区' || place === '县' || NAMED_DISTRICT.test(s)) return 'district';
  if (place === '省') return 'other';
  return sharedMunicipal ? 'municipal' : 'other';
}

/** The named district a name starts with (越秀区政府 → 越秀区), if any. */
export function namedDistrictOf(s: string): string | null {
  return NAMED_DISTRICT.exec(s)?.[0] ?? null;
}
