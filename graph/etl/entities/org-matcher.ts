import { ORGANISATION_GLOSSARY, type OrganisationEntry } from '../glossary/organisations.ts';
import { compileTerms } from './term-matcher.ts';

/** An organisation as named in a line: the glossary entry, or a name recognised by its suffix. */
export interface OrgMention {
  index: number;
  text: string;
  entry: OrganisationEntry;
  recognised: boolean;
}

const BY_NAME = new Map<string, OrganisationEntry>();
for (const e of ORGANISATION_GLOSSARY) {
  for (const n of [e.canonical, ...e.aliases]) if (!BY_NAME.has(n)) BY_NAME.set(n, e);
}
const GLOSSARY = compileTerms([...BY_NAME.entries()]);

export function glossaryEntry(name: string): OrganisationEntry | undefined {
  return BY_NAME.get(name.trim());
}

// A name followed by these is part of a government body (南方科大筹备办, 大学城管委会).
const AGENCY_TAIL = /^(?:筹备办|管委会|管理委员会|执行局)/;

// Unknown names by suffix: find the suffix, then walk left over name characters (no punctuation).
const SUFFIX = /股份有限公司|有限公司|集团|大学|学院|研究院|研究所|交易所/g;
/** A character a name may hold: [\u4e00-\u9fa5A-Za-z0-9（）], tested by code (this runs on every character walked). */
function isNameChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0xff08 || c === 0xff09;
}
const MAX_NAME = 24;
const SUFFIX_ONLY = /^(?:集团|股份)+$/;
const LEFT_CUT =
  /.*(?:依托|拟成立的|组建|共建|新建|创建|设立|成立|参与|承担|落户|申报|引导|推动|推进|加快|加强|建设|支持|组织|提升|发挥|促进|筹建|建成|建立|引进|鼓励|发展|完成|以及|包括|通过|联合|合作|吸引|探索|与|和|及|对|由|的|为|等|在|以)/;
const GENERIC =
  /各|^(?:特色|专业|有关|相关|若干|一批|一个|国内外|境内外|知名|著名|高水平|研究型|民办|公办|该|本|其|重点|新建|大型|中小|龙头|骨干|国家|省|市|区|深港|技能)|个|企业$|[0-9]+$/;
// A stem made of common nouns (企业研究院, 高校联合实验室) is a kind of body, not a name.
const GENERIC_NOUN = /企业|高校|院校|机构|单位|部门|政府/;
const ENTERPRISE_SUFFIX = /(?:有限公司|集团)$/;

/** Organisations named in a line: glossary names first, then suffix-recognised unknown names. */
export function findOrganisations(line: string): OrgMention[] {
  const out: OrgMention[] = [];
  let maskedText = line;
  for (const hit of GLOSSARY.find(line)) {
    if (AGENCY_TAIL.test(line.slice(hit.index + hit.term.length))) continue;
    out.push({ index: hit.index, text: hit.term, entry: hit.value, recognised: false });
  }
  if (out.length > 0) {
    // Mask glossary names so the recogniser sees only the rest (香港理工大学普尔药物有限公司).
    let pos = 0;
    const chars: string[] = [];
    for (const m of out) {
      chars.push(line.slice(pos, m.index), '｜'.repeat(m.text.length));
      pos = m.index + m.text.length;
    }
    chars.push(line.slice(pos));
    maskedText = chars.join('');
  }
  // exec, not matchAll: matchAll copies the regex on every call, and this runs on every line.
  SUFFIX.lastIndex = 0;
  for (let m = SUFFIX.exec(maskedText); m; m = SUFFIX.exec(maskedText)) {
    const at = m.index;
    let left = at;
    while (left > 0 && at - left < MAX_NAME && isNameChar(maskedText.charCodeAt(left - 1))) left--;
    const cut = LEFT_CUT.exec(maskedText.slice(left, at));
    let start = left + (cut ? cut[0].length : 0);
    // 支持美的集团股份有限公司: a cut that leaves only suffix words (集团) cut inside the name; use the cut before it.
    if (cut && SUFFIX_ONLY.test(maskedText.slice(start, at))) {
      const earlier = LEFT_CUT.exec(maskedText.slice(left, start - 1));
      start = left + (earlier ? earlier[0].length : 0);
    }
    const end = at + m[0].length;
    const name = line.slice(start, end);
    // 大学城, 大学园, 大学生, 大学科技园 are places and people, not universities.
    if (name.endsWith('大学') && /^(?:[城园生]|科技园)/.test(line.slice(end))) continue;
    if (!isPlausibleName(name)) continue;
    const type = ENTERPRISE_SUFFIX.test(name) ? 'Enterprise' : 'Institution';
    out.push({ index: start, text: name, entry: { canonical: name, type, aliases: [] }, recognised: true });
  }
  if (out.length < 2) return out;
  // 中国电子科技集团公司第十一研究所 also ends in 集团 early on: keep the longest name only.
  return out.filter((m) => !m.recognised || !out.some((o) => inside(m, o))).sort(byIndex);
}

function inside(a: OrgMention, b: OrgMention): boolean {
  return a !== b && a.index >= b.index && a.index + a.text.length <= b.index + b.text.length;
}

function byIndex(a: OrgMention, b: OrgMention): number {
  return a.index - b.index;
}

const NOT_NAMES = new Set(['深港证券交易所', '工程研究院']);

function isPlausibleName(name: string): boolean {
  const stem = name.replace(/(?:股份有限公司|有限公司|集团|大学|学院|研究院|研究所|交易所)$/, '');
  if (stem.length < 2 || NOT_NAMES.has(name)) return false;
  return !GENERIC.test(stem) && !GENERIC_NOUN.test(stem);
}
