import type { Prng } from './prng.ts';

// Word parts combined into names that do not occur in the seeds, so a synthetic corpus
// grows the graph with new agencies, organisations, tasks and technologies instead of
// merging into the seed's nodes.
const TOPICS = [
  '海洋', '航空', '量子', '低碳', '数据', '港航', '智造', '氢能', '微电', '光电', '材料', '基因',
  '医疗', '农业', '物流', '金融', '文旅', '体育', '应急', '气象', '水务', '城建', '交通', '能源',
  '网络', '软件', '芯片', '卫星', '机器', '智能', '环境', '食品', '药品', '教育', '人才', '标准',
  '质量', '安全', '信用', '外贸',
] as const;
const QUALIFIERS = [
  '前沿', '融合', '综合', '先进', '绿色', '数字', '协同', '开放', '精密', '高端', '新型', '共性',
  '关键', '基础', '应用', '战略', '未来', '智慧', '集成', '创新',
] as const;
const AGENCY_SUFFIXES = ['局', '办', '委'] as const;
const DISTRICTS = ['前湾', '西丽', '沙河', '盐田港', '梅林', '观澜', '平湖', '蛇口', '大鹏湾', '石岩', '龙城', '松岗'] as const;
const INSTITUTION_SUFFIXES = ['研究院', '研究所', '学院', '工程研究院'] as const;
const ENTERPRISE_SUFFIXES = ['科技有限公司', '技术股份有限公司', '信息技术有限公司'] as const;
const BUILT_SUFFIXES = ['工程实验室', '重点实验室', '公共技术平台', '企业技术中心'] as const;
const TASK_VERBS = ['建设', '组建', '推进', '实施', '搭建', '培育', '完善'] as const;
const TASK_OBJECTS = ['产业基地', '公共服务平台', '示范工程', '专项计划', '科技园区', '孵化器', '加速器', '产业联盟'] as const;

/** Technology areas of the S&T seed, so task texts also hit the real technology lexicon (TARGETS edges). */
export const KNOWN_TECHNOLOGIES = ['集成电路设计', '云计算', '超级计算', '嵌入式软件', '物联网', '新一代移动通信', '数字内容', '新材料', '新能源汽车', '生物医药', '医疗器械', '智能电网', '高性能电池', '服务机器人', '基因测序', '平板显示'] as const;

export interface Vocabulary {
  agencies: string[]; // canonical names without the 市 prefix, e.g. 海洋数据局
  districts: string[]; // e.g. 前湾区政府
  institutions: string[];
  enterprises: string[];
  technologies: string[];
  built: string[];
}

function combos(a: readonly string[], b: readonly string[], suffixes: readonly string[], rng: Prng, n: number): string[] {
  const all: string[] = [];
  for (const x of a) for (const y of b) if (x !== y) for (const s of suffixes) all.push(`${x}${y}${s}`);
  return rng.sample(all, n);
}

/** A deterministic vocabulary of new names; sizes grow with the corpus. */
export function makeVocabulary(rng: Prng, scale = 1): Vocabulary {
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  return {
    agencies: combos(TOPICS, QUALIFIERS, AGENCY_SUFFIXES, rng, n(120)),
    districts: DISTRICTS.map((d) => `${d}区政府`),
    institutions: combos(['深圳'], combos(TOPICS, QUALIFIERS, [''], rng, 800), INSTITUTION_SUFFIXES, rng, n(200)),
    enterprises: combos(['深圳市'], combos(QUALIFIERS, TOPICS, [''], rng, 800), ENTERPRISE_SUFFIXES, rng, n(200)),
    technologies: combos(TOPICS, QUALIFIERS, ['技术'], rng, n(300)),
    built: combos(TOPICS, QUALIFIERS, BUILT_SUFFIXES, rng, n(200)),
  };
}

export function taskTitle(rng: Prng, v: Vocabulary): string {
  return `${rng.pick(TASK_VERBS)}${rng.pick(v.technologies).replace(/技术$/u, '')}${rng.pick(TASK_OBJECTS)}`;
}
