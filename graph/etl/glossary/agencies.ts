import type { AgencyKind, AgencyLevel } from '../../model/index.ts';

/**
 * The glossary describes one city's bodies: a document issued there (or naming no place of its
 * own) keeps the glossary's ids; a body of any other jurisdiction gets an id that names it.
 */
export const HOME_JURISDICTION = { province: '广东', city: '深圳' } as const;

/** A government body as the glossary knows it: canonical name, level, English gloss, other spellings. */
export interface AgencyEntry {
  name: string;
  level: AgencyLevel;
  nameEn: string;
  aliases?: string[];
  /** Whose body it is: 深圳市, 深圳市南山区, 广东省, 国家. */
  jurisdiction: string;
  kind: AgencyKind;
}

// Municipal bodies are named without 市 (市发展改革局 → 发展改革局); the 市 form is added as an alias.
const MUNICIPAL: [string, string, string[]?][] = [
  ['发展改革局', 'Development and Reform Bureau', ['发改局', '发展和改革局', '发展和改革委员会']],
  ['科技信息局', 'Science, Technology and Information Bureau', ['科信局']],
  ['贸工局', 'Trade and Industry Bureau', ['贸易工业局']],
  ['文产办', 'Cultural Industry Development Office', ['文化产业发展办公室']],
  ['财政局', 'Finance Bureau'],
  ['国土房产局', 'Land Resources and Housing Bureau', ['国土资源和房产管理局']],
  ['规划局', 'Urban Planning Bureau'],
  ['建设局', 'Construction Bureau'],
  ['高新办', 'High-tech Industrial Park Office', ['高新区办公室']],
  ['编办', 'Commission Office for Public Sector Reform', ['机构编制委员会办公室']],
  ['国资委', 'State-owned Assets Supervision and Administration Commission', ['国有资产监督管理委员会']],
  ['教育局', 'Education Bureau'],
  ['人事局', 'Personnel Bureau'],
  ['金融办', 'Financial Services Office', ['金融发展服务办公室']],
  ['环保局', 'Environmental Protection Bureau', ['环境保护局']],
  ['信息办', 'Informatization Office', ['信息化办公室']],
  ['交通局', 'Transport Bureau'],
  ['卫生局', 'Health Bureau'],
  ['公安交警局', 'Traffic Police Bureau', ['交警局']],
  ['公安消防局', 'Fire Services Bureau', ['消防局']],
  ['公安局', 'Public Security Bureau'],
  ['食品药品监督局', 'Food and Drug Administration', ['药监局', '食品药品监督管理局']],
  ['水务局', 'Water Affairs Bureau'],
  ['城管局', 'Urban Management Bureau', ['城市管理局']],
  ['民防办', 'Civil Air Defence Office', ['民防委员会办公室']],
  ['工商局', 'Administration for Industry and Commerce', ['工商行政管理局']],
  ['知识产权局', 'Intellectual Property Office'],
  ['法制办', 'Legislative Affairs Office', ['法制办公室']],
  ['地税局', 'Local Taxation Bureau', ['地方税务局']],
  ['质监局', 'Market Quality Supervision Bureau', ['质量技术监督局']],
  ['统计局', 'Statistics Bureau'],
  ['文化局', 'Culture Bureau'],
  ['科协', 'Association for Science and Technology', ['科学技术协会']],
  ['轨道办', 'Rail Transit Construction Office', ['轨道交通建设办公室']],
  ['口岸办', 'Ports Office', ['口岸办公室']],
  ['外事办', 'Foreign Affairs Office', ['外事办公室']],
  ['物流办', 'Modern Logistics Office', ['现代物流业发展办公室']],
  ['政府办公厅', 'General Office of the Municipal Government', ['府办', '市府办', '政府办']],
  ['政府采购中心', 'Government Procurement Centre'],
  ['大运会执行局', 'Universiade Executive Bureau'],
  ['大学城管委会', 'University Town Management Committee', ['大学城管理委员会']],
  ['监察局', 'Supervision Bureau', ['监察部门']],
];

const DISTRICT: [string, string, string[]?][] = [
  ['南山区政府', 'Nanshan District Government', ['南山区人民政府']],
  ['宝安区政府', "Bao'an District Government", ['宝安区人民政府']],
  ['龙岗区政府', 'Longgang District Government', ['龙岗区人民政府']],
  ['罗湖区政府', 'Luohu District Government', ['罗湖区人民政府']],
  ['福田区政府', 'Futian District Government', ['福田区人民政府']],
  ['盐田区政府', 'Yantian District Government', ['盐田区人民政府']],
  ['光明新区管委会', 'Guangming New District Management Committee', ['光明新区管理委员会']],
  ['坪山新区管委会', 'Pingshan New District Management Committee', ['坪山新区管理委员会']],
  ['大工业区管委会', 'Shenzhen Big Industrial Zone Management Committee', ['大工业区管理委员会']],
];

// Local branches of central bodies (with the place they serve) and the central bodies themselves.
const NATIONAL: [string, string, string[]?, string?][] = [
  ['深圳证监局', 'CSRC Shenzhen Bureau', ['证监局', '中国证监会深圳监管局'], '深圳市'],
  ['深圳银监局', 'CBRC Shenzhen Bureau', ['银监局', '中国银监会深圳监管局'], '深圳市'],
  ['深圳保监局', 'CIRC Shenzhen Bureau', ['保监局', '中国保监会深圳监管局'], '深圳市'],
  ['中国人民银行深圳市中心支行', "People's Bank of China Shenzhen Central Sub-branch", ['人民银行深圳市中心支行'], '深圳市'],
  ['通信管理局', 'Communications Administration', ['广东省通信管理局'], '广东省'],
  ['国税局', 'State Taxation Bureau (Shenzhen)', ['国家税务局'], '深圳市'],
  ['国家发展改革委', 'National Development and Reform Commission', ['国家发改委', '国家发展和改革委员会']],
  ['科技部', 'Ministry of Science and Technology', ['国家科技部']],
  ['教育部', 'Ministry of Education'],
  ['国家标准委', 'Standardization Administration of China', ['国家标准化管理委员会']],
  ['中国证监会', 'China Securities Regulatory Commission'],
];

const OTHER: [string, string, string[]?][] = [
  ['省发改委', 'Guangdong Development and Reform Commission', ['广东省发展改革委']],
  ['省教育厅', 'Guangdong Department of Education', ['广东省教育厅']],
];

/** Phrases that stand for many bodies: kept as nodes, never counted as a specific agency. */
export const COLLECTIVE_GLOSSES: Readonly<Record<string, string>> = {
  各相关部门: 'all relevant departments',
  各有关部门: 'all departments concerned',
  市直有关部门: 'municipal departments concerned',
  各区政府: 'all district governments',
  各区: 'all districts',
  各部门: 'all departments',
  市政府各有关部门: 'all municipal departments concerned',
  相关区政府: 'district governments concerned',
};
export const COLLECTIVE_PHRASES: readonly string[] = Object.keys(COLLECTIVE_GLOSSES);

const CITY = `${HOME_JURISDICTION.city}市`;
const PROVINCE = `${HOME_JURISDICTION.province}省`;
// People's organisations among the glossary's bodies, by the same rule new names are typed with.
const PEOPLE = /(?:科协|科学技术协会|工商联|妇联|总工会)$/;

function entries(rows: [string, string, string[]?, string?][], level: AgencyLevel): AgencyEntry[] {
  return rows.map(([name, nameEn, aliases, place]) => {
    const all = [...(aliases ?? [])];
    if (level === 'municipal') all.push(`市${name}`, ...(aliases ?? []).map((a) => (a.startsWith('市') ? a : `市${a}`)));
    if (level === 'district') all.push(`${CITY}${name}`);
    const jurisdiction = place ?? (level === 'municipal' ? CITY : level === 'district' ? `${CITY}${/^.+?区/.exec(name)?.[0] ?? ''}` : level === 'national' ? '国家' : PROVINCE);
    const kind: AgencyKind = PEOPLE.test(name) ? 'people' : 'government';
    return { name, level, nameEn, aliases: [...new Set(all)].filter((a) => a !== name), jurisdiction, kind };
  });
}

export const AGENCY_GLOSSARY: readonly AgencyEntry[] = [
  ...entries(MUNICIPAL, 'municipal'),
  ...entries(DISTRICT, 'district'),
  ...entries(NATIONAL, 'national'),
  ...entries(OTHER, 'other'),
];
