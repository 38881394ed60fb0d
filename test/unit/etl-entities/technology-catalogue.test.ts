import { describe, expect, it } from 'vitest';
import { readTechnologyCatalogue } from '../../../graph/etl/entities/technology-catalogue.ts';
import { TECHNOLOGY_TERMS } from '../../../graph/etl/glossary/technology-terms.ts';
import { extractTechnologies } from '../../../graph/etl/technologies.ts';
import { TechnologyPropsSchema } from '../../../graph/model/index.ts';
import { parsedSeeds, readSeed, SEED_000, SEED_004 } from './seeds.ts';

const DOMAINS = ['集成电路', '软件与信息服务', '网络与通信', '数字内容', '新材料', '新能源', '生命科学与生物技术', '医疗器械', '先进制造', '节能环保'];

// The 48 areas as numbered in 004, grouped by the domain (1-based) they sit under.
const AREAS_BY_DOMAIN: [number, string[]][] = [
  [1, ['集成电路设计', '集成电路封装与测试', '集成电路制造']],
  [2, ['云计算技术', '超级计算技术', '嵌入式软件', '大型行业应用软件']],
  [3, ['通信技术', '网络技术', '网络数据处理技术']],
  [4, ['数字内容获取与生成技术', '数字内容分析与处理技术', '数字内容服务与利用技术', '数字内容展示与交互技术', '数字内容管理与安全技术']],
  [5, ['能源与节能材料', '电子信息材料', '生物材料', '高分子材料', '复合材料', '表面工程材料']],
  [6, ['太阳能利用技术', '新能源汽车关键技术', '核电技术', '风电技术', '生物质能利用技术']],
  [7, ['新药创制', '下一代基因测序技术及应用', '新型诊疗技术', '重大及突发疾病防治与临床研究', '现代生物新技术', '生物育种']],
  [8, ['高端医学影像', '医学传感与监护', '体外检测与诊断', '组织工程与植入介入性医疗器械', '健康信息技术']],
  [9, ['关键基础件及通用件', '数字制造技术及装备', '绿色制造', '电子信息、新能源专用装备', '高精度控制与机器人制造技术', '智能感知与决策技术']],
  [10, ['能源资源集约利用', '生态环境诊断与修复', '室内外环境品质提升', '绿色交通', '绿色园区和绿色建筑']],
];

describe('technology catalogue read from the S&T plan (004)', () => {
  const catalogue = readTechnologyCatalogue(readSeed(SEED_004));

  it('has the ten domains of the domain-list sentence, in order, from their （一）…（十） headings', () => {
    expect(catalogue?.domains.map((d) => d.name)).toEqual(DOMAINS);
    expect(catalogue?.domains.map((d) => d.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(catalogue?.listLine).toBe(79);
    expect(catalogue?.domains[6]?.evidence).toEqual({ doc: SEED_004, line: 180, quote: '（七）生命科学与生物技术' });
  });

  it('has exactly the 48 numbered areas, each under the domain heading above it', () => {
    const expected = AREAS_BY_DOMAIN.flatMap(([d, names]) => names.map((name) => ({ name, domain: DOMAINS[d - 1] })));
    expect(catalogue?.areas).toHaveLength(48);
    expect(catalogue?.areas.map((a) => ({ name: a.name, domain: a.domain }))).toEqual(expected);
    expect(catalogue?.areas.map((a) => a.no)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(catalogue?.areas[26]?.evidence).toEqual({ doc: SEED_004, line: 183, quote: '27．新药创制' });
    expect(catalogue?.areas[47]?.evidence.line).toBe(253);
  });

  it('stops before the next part, whose （一）/1． headings are engineering programmes', () => {
    expect(catalogue?.areas.some((a) => a.name === '低碳生态城市')).toBe(false);
    expect(catalogue?.domains.some((d) => d.name === '创新能力提升工程')).toBe(false);
  });

  it('is absent from a document without a domain list', () => {
    expect(readTechnologyCatalogue(readSeed(SEED_000))).toBeNull();
  });
});

describe('technology nodes and SUBFIELD_OF', () => {
  const fragment = extractTechnologies(parsedSeeds());
  const nodes = new Map(fragment.nodes.map((n) => [n.id, n]));
  const subfield = fragment.edges.filter((e) => e.type === 'SUBFIELD_OF');

  it('makes one Technology node per domain and area, with kind and number', () => {
    expect(fragment.nodes).toHaveLength(58);
    expect(nodes.get('technology:生命科学与生物技术')?.props).toEqual({ kind: 'domain', no: 7 });
    expect(nodes.get('technology:新药创制')?.props).toEqual({ kind: 'area', no: 27 });
    expect(nodes.get('technology:云计算技术')?.aliases).toEqual(['云计算']);
    for (const n of fragment.nodes) {
      expect(n.type).toBe('Technology');
      expect(TechnologyPropsSchema.safeParse(n.props).success).toBe(true);
    }
  });

  it('links every area to its domain and nothing else', () => {
    expect(subfield).toHaveLength(48);
    const pairs = new Set(subfield.map((e) => `${e.source}>${e.target}`));
    for (const [d, names] of AREAS_BY_DOMAIN) {
      for (const name of names) expect(pairs.has(`technology:${name}>technology:${DOMAINS[d - 1]}`)).toBe(true);
    }
    const fromBio = subfield.filter((e) => e.target === 'technology:生命科学与生物技术').map((e) => nodes.get(e.source)?.props.no);
    expect(fromBio).toEqual([27, 28, 29, 30, 31, 32]);
    const fromDevices = subfield.filter((e) => e.target === 'technology:医疗器械').map((e) => nodes.get(e.source)?.props.no);
    expect(fromDevices).toEqual([33, 34, 35, 36, 37]);
  });

  it('cites the heading line of each technology as evidence', () => {
    const lines = readSeed(SEED_004).lines;
    for (const n of fragment.nodes) {
      for (const e of n.evidence) expect(lines[e.line - 1]).toContain(e.quote);
    }
    expect(subfield.find((e) => e.source === 'technology:生物质能利用技术')?.evidence[0]?.quote).toBe('26．生物质能利用技术');
  });

  it('has a lexicon whose every target is a real domain or area of the catalogue', () => {
    for (const [term, tech] of TECHNOLOGY_TERMS) expect(nodes.has(`technology:${tech}`), `${term} → ${tech}`).toBe(true);
  });

  it('yields no technology at all without the S&T plan', () => {
    expect(extractTechnologies(parsedSeeds().slice(0, 1))).toEqual({ nodes: [], edges: [], warnings: [] });
  });
});
