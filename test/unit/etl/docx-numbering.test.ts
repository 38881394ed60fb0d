import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { writeParagraphNumbers } from '../../../graph/ingest/formats/docx-numbering.ts';
import { formatListNumber } from '../../../graph/ingest/formats/list-number-formats.ts';
import { readFormat } from '../../../graph/ingest/formats/read-format.ts';
import { numberedPlanDocx } from '../../fixtures/formats/numbered-docx.ts';

describe('Word automatic numbering read into the text', () => {
  it('gives the headings of a Word-numbered plan their 一、 / （一） / 1. and so its sections, tasks and units', async () => {
    const { source } = await readFormat('docx', 'plan.docx', await numberedPlanDocx());
    expect(source.lines.slice(3)).toEqual([
      '一、总体要求',
      '到2027年，建成一批高水平创新平台。',
      '二、重点任务',
      '（一）建设重大科技基础设施',
      '1.建设国家超级计算深圳中心二期。',
      '2.组建合成生物研究重大科技基础设施。',
      '责任单位：市科技创新委牵头，市发展改革委、市财政局配合。',
      '（二）培育创新型企业',
      '1.实施高新技术企业倍增计划。',
      '责任单位：市工业和信息化局牵头，市科技创新委配合。',
      '三、保障措施',
      // A bullet numbers nothing: its paragraph stays as written.
      '加强统筹协调。',
      '责任单位：市政府办公厅牵头。',
    ]);
    const g = buildGraph([source]).graph;
    const sections = g.nodes.filter((n) => n.type === 'Task').map((n) => `${String(n.props['path'])} ${n.name}`);
    expect(sections).toEqual([
      '1 总体要求',
      '2 重点任务',
      '2.1 建设重大科技基础设施',
      '2.1.1 建设国家超级计算深圳中心二期',
      '2.1.2 组建合成生物研究重大科技基础设施',
      '2.2 培育创新型企业',
      '2.2.1 实施高新技术企业倍增计划',
      '3 保障措施',
    ]);
    const parts = g.edges.filter((e) => e.type === 'PART_OF').map((e) => `${e.source.slice('task:plan#'.length)} < ${e.target}`);
    expect(parts).toEqual(['1 < document:plan', '2 < document:plan', '2.1 < task:plan#2', '2.1.1 < task:plan#2.1', '2.1.2 < task:plan#2.1', '2.2 < task:plan#2', '2.2.1 < task:plan#2.2', '3 < document:plan']);
    const roles = g.edges.filter((e) => e.type === 'LEADS' || e.type === 'COOPERATES').map((e) => `${e.type} ${e.source} ${e.target.slice('task:plan#'.length)}`);
    expect(roles.sort()).toEqual([
      'COOPERATES agency:发展改革委 2.1.2',
      'COOPERATES agency:科技创新委 2.2.1',
      'COOPERATES agency:财政局 2.1.2',
      'LEADS agency:工业和信息化局 2.2.1',
      'LEADS agency:政府办公厅 3',
      'LEADS agency:科技创新委 2.1.2',
    ]);
  });

  it('continues a list across its nums, restarts a level at a startOverride, writes legal levels in decimal, takes numbering from a base style', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
      // Legal numbering (w:isLgl): 1.1, not 一.1.
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num></w:numbering>';
    const styles = '<w:styles><w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Child"><w:basedOn w:val="Base"/></w:style></w:styles>';
    const p = (pPr: string, text: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const num = (id: string, lvl: string) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const doc = [p('<w:pStyle w:val="Child"/>', 'a'), p(num('1', '1'), 'b'), p(num('1', '1'), 'c'), p(num('2', '0'), 'd'), p(num('2', '1'), 'e'), p(num('3', '0'), 'f'), p('', 'g'), '<w:p/>', p(num('0', '0'), 'h')].join('');
    const texts = [...writeParagraphNumbers(`<w:body>${doc}</w:body>`, numbering, styles).matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)</g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['一、a', '1.1b', '1.2c', '二、d', '2.1e', '九、f', 'g', '', 'h']);
  });

  it('writes counters in Word’s number formats', () => {
    expect([1, 10, 11, 20, 99, 100, 105, 110].map((n) => formatListNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '九十九', '一百', '一百零五', '一百一十']);
    expect([formatListNumber(4, 'upperRoman'), formatListNumber(28, 'lowerLetter'), formatListNumber(3, 'decimalEnclosedCircle'), formatListNumber(7, 'decimalZero'), formatListNumber(3, 'bulletish')]).toEqual(['IV', 'bb', '③', '07', '3']);
  });
});
