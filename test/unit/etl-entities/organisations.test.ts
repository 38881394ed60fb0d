import { describe, expect, it } from 'vitest';
import { findOrganisations } from '../../../graph/etl/entities/org-matcher.ts';
import { ORGANISATION_GLOSSARY } from '../../../graph/etl/glossary/organisations.ts';
import { extractOrganisations, lookupOrganisation } from '../../../graph/etl/organisations.ts';
import { oneTaskPerLine } from './fixture.ts';
import { parsedSeeds, readSeed, rowId, sectionId, SEED_000, SEED_004 } from './seeds.ts';

describe('lookupOrganisation', () => {
  it.each([
    ['深交所', 'Institution', '深圳证券交易所'],
    ['深圳证券交易所', 'Institution', '深圳证券交易所'],
    ['创新投公司', 'Enterprise', '深圳市创新投资集团有限公司'],
    ['创投公会等', 'Institution', '深圳市创业投资同业公会'],
    ['中国电信深圳分公司', 'Enterprise', '中国电信深圳分公司'],
    ['深圳广电集团', 'Enterprise', '深圳广播电影电视集团'],
    ['深圳软件园管理中心', 'Institution', '深圳软件园管理中心'],
    ['南方科大', 'Institution', '南方科技大学'],
    ['中科院先进研究院', 'Institution', '深圳先进技术研究院'],
    ['中国科学院深圳先进技术研究院', 'Institution', '深圳先进技术研究院'],
    ['华大基因', 'Institution', '深圳华大基因研究院'],
    ['光启理工', 'Institution', '光启高等理工研究院'],
    ['中兴', 'Enterprise', '中兴通讯'],
    ['深圳中兴通讯股份有限公司', 'Enterprise', '中兴通讯'],
    ['国家华南超级计算中心', 'Institution', '国家超级计算深圳中心'],
    ['香港科技大学', 'Institution', '香港科技大学'],
  ])('resolves %s to %s %s', (name, type, canonical) => {
    expect(lookupOrganisation(name)).toMatchObject({ type, canonical });
  });

  it('returns the aliases with the canonical name', () => {
    expect(lookupOrganisation('深交所')?.aliases).toEqual(['深交所']);
    expect(lookupOrganisation('深圳先进技术研究院')?.aliases).toContain('深圳先进院');
  });

  it('types unknown names by their suffix', () => {
    expect(lookupOrganisation('深圳市某某电子有限公司')).toEqual({ type: 'Enterprise', canonical: '深圳市某某电子有限公司', aliases: [] });
    expect(lookupOrganisation('南方医科大学')).toMatchObject({ type: 'Institution' });
  });

  it('knows no government bodies', () => {
    for (const name of ['市发展改革局', '科技信息局', '大学城管委会', '南方科大筹备办', '深圳证监局', '各区政府', '']) {
      expect(lookupOrganisation(name)).toBeNull();
    }
  });

  it('has no name claimed by two entries', () => {
    const seen = new Map<string, string>();
    for (const e of ORGANISATION_GLOSSARY) {
      for (const n of [e.canonical, ...e.aliases]) {
        expect(seen.get(n) ?? e.canonical, n).toBe(e.canonical);
        seen.set(n, e.canonical);
      }
    }
  });
});

describe('organisations named in prose', () => {
  const names = (line: string) => findOrganisations(line).map((m) => `${m.entry.canonical}<${m.text}`);

  it('prefers the longest name and keeps 深圳大学 apart from 深圳大学城', () => {
    expect(names('依托南方科技大学、深圳大学研究生院和医学院、深圳大学城、深圳先进技术研究院等')).toEqual([
      '南方科技大学<南方科技大学', '深圳大学<深圳大学', '深圳大学城<深圳大学城', '深圳先进技术研究院<深圳先进技术研究院',
    ]);
  });

  it('finds an unknown company by its suffix next to a known university', () => {
    expect(findOrganisations('加快推进北京大学深圳研究生院、香港理工大学普尔药物有限公司省部共建').map((m) => [m.text, m.entry.type, m.recognised])).toEqual([
      ['北京大学深圳研究生院', 'Institution', false], ['香港理工大学', 'Institution', false], ['普尔药物有限公司', 'Enterprise', true],
    ]);
  });

  it('recognises names outside the glossary by their suffix, whole and typed', () => {
    const found = (line: string) => findOrganisations(line).map((m) => `${m.text}:${m.entry.type}`);
    expect(found('支持深圳市汇川技术股份有限公司发展')).toEqual(['深圳市汇川技术股份有限公司:Enterprise']);
    expect(found('引进中国电子科技集团公司第十一研究所')).toEqual(['中国电子科技集团公司第十一研究所:Institution']);
    expect(found('加快建设深圳技术大学')).toEqual(['深圳技术大学:Institution']);
    expect(found('鼓励企业与高校共建研究院，吸引国内外知名企业设立研究院')).toEqual([]);
  });

  it('does not take generic phrases or government bodies for organisations', () => {
    for (const line of [
      '加强国家重点实验室、国家工程实验室建设', '组织引导大学、科研机构和企事业单位', '建设香港各大学的深圳产学研基地',
      '加强深港证券交易所的合作', '加强深圳国家大学科技园建设', '在新能源、生物、新材料等领域组建相关研究所', '南方科大筹备办、大学城管委会等配合',
      '建设一批大型文化企业集团', '探索与企业联合在深圳建设生物、新材料、金融等特色学院', '中小企业创新投入不足',
    ]) expect(names(line), line).toEqual([]);
  });
});

describe('extractOrganisations on the seeds', () => {
  const seeds = parsedSeeds();
  const fragment = extractOrganisations(seeds);
  const node = (id: string) => fragment.nodes.find((n) => n.id === id);
  const mentions = (taskId: string) => fragment.edges.filter((e) => e.source === taskId).map((e) => e.target).sort();

  it('types and names the organisations, one node per organisation however written', () => {
    expect(node('enterprise:华为')?.props).toEqual({ nameEn: 'Huawei' });
    expect(node('institution:深圳证券交易所')?.type).toBe('Institution');
    expect(node('enterprise:深圳市创新投资集团有限公司')?.type).toBe('Enterprise');
    const siat = node('institution:深圳先进技术研究院');
    expect(siat?.aliases).toEqual(expect.arrayContaining(['中科院先进研究院', '中国科学院深圳先进技术研究院', '先进技术研究院']));
    expect(new Set(siat?.evidence.map((e) => e.doc))).toEqual(new Set([SEED_000, SEED_004]));
    expect(fragment.nodes.filter((n) => n.name.includes('先进技术研究院'))).toHaveLength(1);
    expect(node('institution:深圳华大基因研究院')?.evidence.map((e) => e.quote)).toEqual(expect.arrayContaining(['深圳华大基因研究院', '华大基因']));
  });

  it('finds the organisations of both documents and nothing generic', () => {
    const ids = new Set(fragment.nodes.map((n) => n.id));
    for (const id of [
      'enterprise:比亚迪', 'enterprise:腾讯', 'enterprise:迈瑞', 'enterprise:中兴通讯', 'institution:南方科技大学',
      'institution:香港科技大学', 'institution:香港中文大学', 'institution:光启高等理工研究院', 'enterprise:中国电信深圳分公司',
      'enterprise:深圳广播电影电视集团', 'institution:深圳软件园管理中心', 'enterprise:深圳市闪联信息技术有限公司',
    ]) expect(ids.has(id), id).toBe(true);
    const generic = ['国家工程实验室', '国家重点实验室', '引导大学', '香港各大学', '深港证券交易所', '深圳国家大学', '相关研究所', '特色学院'];
    for (const n of fragment.nodes) expect(generic.some((g) => n.name.endsWith(g)), n.name).toBe(false);
    // Only one name in both seeds is outside the glossary: the company of a Hong Kong lab.
    const curated = new Set(ORGANISATION_GLOSSARY.map((e) => e.canonical));
    expect(fragment.nodes.filter((n) => !curated.has(n.name)).map((n) => n.name)).toEqual(['普尔药物有限公司']);
  });

  it('links a task to the organisations its text names, the innermost task first', () => {
    expect(mentions(sectionId(SEED_000, '3.1'))).toEqual([
      'enterprise:中兴通讯', 'enterprise:华为', 'enterprise:华强文化科技集团', 'enterprise:大族激光', 'enterprise:比亚迪', 'enterprise:腾讯', 'enterprise:迈瑞',
    ]);
    // 研究机构建设 item (2) names SIAT, the institute to be built and CAS; item (3) names BGI only.
    expect(mentions(sectionId(SEED_000, '4.1.2.2'))).toEqual(['institution:中国科学院', 'institution:深圳产业创新研究院', 'institution:深圳先进技术研究院']);
    expect(mentions(sectionId(SEED_000, '4.1.2.3'))).toEqual(['institution:深圳华大基因研究院']);
    expect(mentions(rowId(8))).toEqual(['institution:深圳华大基因研究院']);
    expect(mentions(rowId(112))).toEqual(['enterprise:SK电讯', 'enterprise:微软', 'enterprise:思科']);
  });

  it('does not turn responsibility units into mentions', () => {
    // 创新投公司 and 创投公会 appear only as cooperating units (clauses and row cells).
    expect(fragment.edges.filter((e) => e.target === 'institution:深圳市创业投资同业公会')).toEqual([]);
    expect(fragment.edges.filter((e) => e.target === 'enterprise:中国电信深圳分公司').map((e) => e.source)).toEqual([sectionId(SEED_000, '4.8.1')]);
    expect(node('institution:深圳市创业投资同业公会')?.evidence.length).toBeGreaterThan(0);
  });

  it('quotes each mention exactly as written on its line', () => {
    const files = new Map([[SEED_000, readSeed(SEED_000).lines], [SEED_004, readSeed(SEED_004).lines]]);
    for (const x of [...fragment.nodes, ...fragment.edges]) {
      for (const e of x.evidence) expect(files.get(e.doc)?.[e.line - 1]).toContain(e.quote);
      expect(x.evidence.length).toBeLessThanOrEqual(50);
    }
  });

  it('resolves a mention outside any task to a node without a MENTIONS edge', () => {
    const f = extractOrganisations([{ ...oneTaskPerLine('x.txt', ['支持深交所做优做强主板。']), tasks: [] }]);
    expect(f.nodes.map((n) => n.id)).toEqual(['institution:深圳证券交易所']);
    expect(f.edges).toEqual([]);
  });
});
