import { describe, expect, it } from 'vitest';
import { extractDependencies } from '../../../graph/etl/dependencies.ts';
import { readReliances } from '../../../graph/etl/entities/dependency-reader.ts';
import { oneTaskPerLine } from './fixture.ts';
import { parsedSeeds, readSeed, sectionId, SEED_000, SEED_004 } from './seeds.ts';

const fragment = extractDependencies(parsedSeeds());
const dependsOn = fragment.edges.filter((e) => e.type === 'DEPENDS_ON');
const pairs = dependsOn.map((e) => `${e.source} -> ${e.target}`);

describe('DEPENDS_ON from 依托 in the seeds', () => {
  it.each([
    ['institution:电子信息产品智能互联工程实验室', 'enterprise:深圳市闪联信息技术有限公司'],
    ['institution:电子信息产品标准化工程实验室', 'enterprise:深圳赛西信息技术有限公司'],
    ['institution:移动通信系统技术工程实验室', 'enterprise:中兴通讯'],
    ['institution:数字音频工程实验室', 'enterprise:深圳广晟数码技术有限公司'],
    ['institution:TFT-LCD平板显示工程实验室', 'enterprise:京东方（深圳）有限公司'],
    ['institution:工业产品检测中心', 'institution:深圳市计量质量检测研究院'],
    ['institution:深圳产业创新研究院', 'institution:深圳先进技术研究院'],
    ['institution:国家超级计算深圳中心', 'institution:深圳先进技术研究院'],
    ['institution:深圳标准信息馆', 'institution:深圳市标准技术研究院'],
    ['institution:基因产学研资联盟', 'institution:深圳华大基因研究院'],
    ['institution:超材料产业联盟', 'institution:光启高等理工研究院'],
    ['institution:移动互联网产学研资联盟', 'enterprise:A8音乐集团'],
    ['institution:海量存储中心', 'institution:国家超级计算深圳中心'],
    ['institution:大型托管中心', 'institution:国家超级计算深圳中心'],
  ])('%s depends on %s', (source, target) => {
    expect(pairs).toContain(`${source} -> ${target}`);
  });

  it('quotes the 依托 phrase through the thing built', () => {
    const edge = (s: string) => dependsOn.find((e) => e.source === s);
    expect(edge('institution:电子信息产品智能互联工程实验室')?.evidence).toEqual([
      { doc: SEED_000, line: 28, quote: '依托深圳市闪联信息技术有限公司，组建电子信息产品智能互联工程实验室' },
    ]);
    expect(edge('institution:国家超级计算深圳中心')?.evidence[0]?.quote).toBe(
      '依托深圳先进技术研究院，借助中国科学院的优势资源，加快开展组建千万亿次计算能力的国家华南超级计算中心',
    );
    expect(edge('institution:深圳标准信息馆')?.evidence).toEqual([{ doc: SEED_000, line: 149, quote: '依托深圳市标准技术研究院，加快深圳标准信息馆' }]);
  });

  it('makes one edge per party of a list, from the task when nothing named is built', () => {
    const task = sectionId(SEED_000, '4.1.3.2'); // 推进大学城9个国家重点实验室建设
    expect(dependsOn.filter((e) => e.source === task).map((e) => e.target).sort()).toEqual([
      'institution:南方科技大学', 'institution:深圳先进技术研究院', 'institution:深圳大学', 'institution:深圳大学城',
    ]);
    expect(pairs).toContain(`${sectionId(SEED_004, '5.2')} -> institution:国家超级计算深圳中心`);
  });

  it('does not take the helper (借助中国科学院) or the thing built for a party relied on', () => {
    expect(pairs.some((p) => p.endsWith('institution:中国科学院'))).toBe(false);
    expect(dependsOn.every((e) => e.source !== e.target)).toBe(true);
  });

  it('warns instead of inventing nodes for generic reliance', () => {
    const warned = fragment.warnings.map((w) => `${w.doc === SEED_000 ? '000' : '004'}:${w.line}`);
    expect(warned).toEqual(expect.arrayContaining(['000:172', '004:77', '004:274', '004:275', '004:344']));
    expect(fragment.warnings.every((w) => w.kind === 'unparsed-line' && w.text?.startsWith('依托'))).toBe(true);
    expect(fragment.nodes.some((n) => /高校|科研机构|区位优势/.test(n.name))).toBe(false);
  });

  it('ignores 以…为依托, which names a basis, not a party', () => {
    expect(readReliances('以高等院校、科研机构为依托，以人才培养为导向')).toEqual([]);
  });

  it('cites a quote that is on the cited line, for every edge and node', () => {
    const files = new Map([[SEED_000, readSeed(SEED_000).lines], [SEED_004, readSeed(SEED_004).lines]]);
    for (const x of [...fragment.edges, ...fragment.nodes]) {
      expect(x.evidence.length).toBeGreaterThan(0);
      for (const e of x.evidence) expect(files.get(e.doc)?.[e.line - 1]).toContain(e.quote);
    }
  });

  it('lets the building task mention the thing built', () => {
    const built = fragment.edges.filter((e) => e.type === 'MENTIONS' && e.source === sectionId(SEED_000, '3.2')).map((e) => e.target);
    expect(built).toHaveLength(5);
    expect(built).toContain('institution:TFT-LCD平板显示工程实验室');
  });
});

describe('readReliances on single sentences', () => {
  it('reads several 依托 in one line, each up to the next', () => {
    const doc = oneTaskPerLine('y.txt', ['依托华大基因组建基因产学研资联盟、依托南方科大建设新材料实验室。']);
    const f = extractDependencies([doc]);
    expect(f.edges.filter((e) => e.type === 'DEPENDS_ON').map((e) => `${e.source}>${e.target}`)).toEqual([
      'institution:基因产学研资联盟>institution:深圳华大基因研究院',
      'institution:新材料实验室>institution:南方科技大学',
    ]);
  });

  it('keeps a line without 依托 out of the way', () => {
    expect(readReliances('加快建设深圳国家基因库。')).toEqual([]);
  });
});
