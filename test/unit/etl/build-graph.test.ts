import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { GraphJsonSchema, type GraphEdge } from '../../../graph/model/index.ts';
import { rowLookup } from '../../support/rows.ts';
import { PLAN, SCI, seed } from './seed-sources.ts';

const result = buildGraph([seed(PLAN), seed(SCI)]);
const { graph } = result;
const row = rowLookup(graph, PLAN);
const section = (path: string) => `task:000_2ebb2acb91732bad#${path}`;
const into = (target: string, type: GraphEdge['type']) =>
  graph.edges.filter((e) => e.target === target && e.type === type).map((e) => e.source).sort();

describe('buildGraph over both seeds', () => {
  it('produces valid Graph JSON with one Document per seed', () => {
    expect(GraphJsonSchema.safeParse(graph).success).toBe(true);
    expect(graph.nodes.filter((n) => n.type === 'Document').map((n) => n.id)).toEqual(['document:深府〔2009〕9号', 'document:深府〔2011〕194号']);
  });

  it('turns the header into the Document node, evidenced line by line', () => {
    const d = graph.nodes.find((n) => n.id === 'document:深府〔2009〕9号');
    expect(d?.name).toBe('深圳市人民政府关于印发深圳国家创新型城市总体规划实施方案的通知');
    expect(d?.props).toMatchObject({ file: PLAN, publisher: '深圳市人民政府', date: '2009-02-19', indexNo: '043000-10-2009-004356', number: '深府〔2009〕9号' });
    expect(d?.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('links the section hierarchy with PART_OF up to the Document', () => {
    const parent = (id: string) => graph.edges.find((e) => e.type === 'PART_OF' && e.source === id)?.target;
    expect(parent(section('4.1.2.3'))).toBe(section('4.1.2'));
    expect(parent(section('4.1.2'))).toBe(section('4.1'));
    expect(parent(section('4.1'))).toBe(section('4'));
    expect(parent(section('4'))).toBe('document:深府〔2009〕9号');
    expect(parent('task:004_6d8794a7fddf0732#5.2.4')).toBe('task:004_6d8794a7fddf0732#5.2');
    expect(graph.nodes.find((n) => n.id === section('4.1.2'))?.props).toMatchObject({
      kind: 'section', path: '4.1.2', depth: 3, goals: '加快深圳先进技术研究院发展；组建深圳产业创新研究院；推进深圳华大基因研究院建设。',
    });
  });

  it('makes every numbered table row a Task with its number and group', () => {
    const rows = graph.nodes.filter((n) => n.props.kind === 'tableRow');
    expect(rows).toHaveLength(124);
    // A row is named by its title, so a later document naming the same row adds to this node.
    expect(row(57)).toBe('task:组建中国创业资本投资基金');
    expect(graph.nodes.find((n) => n.id === row(57))).toMatchObject({ name: '组建中国创业资本投资基金', props: { kind: 'tableRow' } });
    const placement = graph.edges.find((e) => e.type === 'PART_OF' && e.source === row(57));
    expect(placement).toMatchObject({ target: 'document:深府〔2009〕9号', props: { doc: PLAN, tableNo: 57, group: '投资服务平台建设', groupNo: 21 } });
    expect(into('document:深府〔2009〕9号', 'PART_OF')).toContain(row(124));
    expect(new Set(rows.map((n) => n.id)).size).toBe(124);
  });

  it('pins lead and cooperating sets of real rows', () => {
    expect(into(row(14), 'LEADS')).toEqual(['agency:发展改革局', 'agency:文产办', 'agency:科技信息局', 'agency:贸工局']);
    expect(into(row(14), 'COOPERATES')).toEqual(['agency:财政局']);
    expect(into(row(19), 'LEADS')).toEqual(['agency:发展改革局', 'agency:科技信息局']);
    expect(into(row(19), 'COOPERATES')).toEqual(['agency:国资委', 'agency:编办']);
    expect(into(row(55), 'LEADS')).toEqual(['agency:国资委', 'agency:科技信息局']);
    expect(into(row(55), 'COOPERATES')).toEqual([]);
    expect(into(row(57), 'LEADS')).toEqual(['agency:发展改革局', 'agency:财政局']);
    expect(into(row(57), 'COOPERATES')).toEqual(['agency:国资委', 'agency:贸工局', 'agency:金融办', 'enterprise:深圳市创新投资集团有限公司', 'institution:深圳市创业投资同业公会']);
    expect(into(row(124), 'LEADS')).toEqual(['agency:法制办', 'agency:财政局']);
    expect(into(row(124), 'COOPERATES')).toEqual(['agency:政府采购中心']);
    expect(into(row(53), 'COOPERATES')).toEqual(['institution:深圳证券交易所']);
    expect(into(row(41), 'COOPERATES')).toContain('agency:科技信息局'); // written 科信局
  });

  it('puts clause units on the section, not on the cited rows, and CITES the rows', () => {
    expect(into(section('3.7'), 'LEADS')).toEqual(['agency:发展改革局', 'agency:科技信息局', 'agency:财政局']);
    expect(graph.edges.filter((e) => e.source === section('3.7') && e.type === 'CITES').map((e) => e.target).sort()).toEqual([row(56), row(57)].sort());
    // row 56 is led by 科技信息局 and 财政局 only: the clause's 发展改革局 is not copied onto it
    expect(into(row(56), 'LEADS')).toEqual(['agency:科技信息局', 'agency:财政局']);
    const clauseEdges = graph.edges.filter((e) => e.props.source === 'clause');
    expect(new Set(clauseEdges.map((e) => e.target)).size).toBe(40);
    expect(graph.edges.filter((e) => e.type === 'CITES')).toHaveLength(100);
  });

  it('counts 发展改革局 as the top lead agency with 28 rows; collective phrases lead none', () => {
    const led = new Map<string, number>();
    for (const e of graph.edges) if (e.type === 'LEADS' && e.props.source === 'table') led.set(e.source, (led.get(e.source) ?? 0) + 1);
    const top = [...led.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    expect(top).toEqual([['agency:发展改革局', 28], ['agency:科技信息局', 24], ['agency:贸工局', 13]]);
    const collective = graph.nodes.filter((n) => n.props.collective === true).map((n) => n.id).sort();
    expect(collective).toEqual(['agency:各区政府', 'agency:各有关部门', 'agency:各相关部门', 'agency:市直有关部门']);
  });

  it('merges written forms of one organisation into one node with aliases', () => {
    const kx = graph.nodes.find((n) => n.id === 'agency:科技信息局');
    expect(kx?.aliases).toEqual(expect.arrayContaining(['市科技信息局', '科信局']));
    expect(kx?.props).toMatchObject({ level: 'municipal', nameEn: 'Science, Technology and Information Bureau' });
    expect(graph.nodes.filter((n) => n.name === '科信局' || n.name === '市科技信息局')).toEqual([]);
    // 深交所 (row 53) and 深圳证券交易所 (row 99) are one Institution; 证监局 and 深圳证监局 one Agency
    expect(into(row(99), 'COOPERATES')).toEqual(['agency:深圳证监局', 'institution:深圳证券交易所']);
    expect(into(row(54), 'COOPERATES')).toEqual(expect.arrayContaining(['agency:深圳证监局', 'institution:深圳证券交易所']));
    expect(graph.nodes.find((n) => n.id === 'agency:深圳证监局')?.props.level).toBe('national');
  });

  it('gives every node and edge evidence whose quote is on the cited line', () => {
    const lines = new Map([PLAN, SCI].map((f) => [f, seed(f).lines]));
    for (const item of [...graph.nodes, ...graph.edges]) {
      expect(item.evidence.length, item.id).toBeGreaterThan(0);
      for (const ev of item.evidence) expect(lines.get(ev.doc)?.[ev.line - 1], `${item.id} ${ev.line}`).toContain(ev.quote);
    }
  });

  it('evidences a wrapped cell by each line it spans', () => {
    const e = graph.edges.find((x) => x.id === `LEADS:agency:科技信息局->${row(19)}`);
    expect(e?.evidence.map((ev) => ev.line).sort()).toEqual([285, 286]);
  });

  it('keeps deadlines on tasks', () => {
    const t = graph.nodes.find((n) => n.id === section('4.6.2.2'));
    expect(t?.props.deadlines).toEqual([
      { text: '2009年上半年', start: '2009-01-01', end: '2009-06-30', precision: 'half', label: '2009-H1' },
      { text: '2010年8月', start: '2010-08-01', end: '2010-08-31', precision: 'month', label: '2010-08' },
    ]);
    const near = graph.nodes.find((n) => n.id === section('3'));
    expect(near?.props.deadlines).toEqual([{ text: '近期', start: '2008-01-01', end: '2010-12-31', precision: 'period', label: '2008–2010' }]);
  });

  it('gives identical output on a second run, in any input order', () => {
    const again = buildGraph([seed(SCI), seed(PLAN)]);
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(graph));
    expect(again.findings).toEqual(result.findings);
  });

  it('takes under 200 ms of CPU once warm (median of three runs)', () => {
    const runs = [0, 1, 2].map(() => buildGraph([seed(PLAN), seed(SCI)]).cpuMs).sort((a, b) => a - b);
    expect(runs[1]).toBeLessThan(200);
  });
});
