import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToSource, looksLikeHtml } from '../../../graph/ingest/html-to-source.ts';
import { contentHash } from '../../../graph/ingest/document-key.ts';
import { readSourceText } from '../../../graph/etl/read-source.ts';

const seedLines = readFileSync('seeds/000_2ebb2acb91732bad.txt', 'utf8').split('\n');
const page = readFileSync('test/fixtures/ingest/000-page.html', 'utf8');

describe('htmlToSource on the HTML page of seed 000', () => {
  const src = htmlToSource('000_2ebb2acb91732bad.txt', page);

  it('reads the header from the saved-from comment and the labelled header table: the same as the text seed', () => {
    // The literal values are pinned in test/unit/etl/read-source.test.ts.
    expect(src.header).toEqual(readSourceText('000_2ebb2acb91732bad.txt', seedLines.join('\n')).header);
    expect(src.header.number).toBe('深府〔2009〕9号');
  });

  it('prints the header in the seed shape and then the body, one block per line', () => {
    expect(src.lines.slice(0, 10)).toEqual([
      'http://www.sz.gov.cn/zfgb/2009/gb638/200902/t20090219_818790.htm',
      '索引号: 043000-10-2009-004356',
      '信息分类: 市委市政府文件',
      '发布机构: 深圳市人民政府',
      '发布日期: 2009-02-19',
      '信息名称: 深圳市人民政府关于印发深圳国家创新型城市总体规划实施方案的通知',
      '文   号: 深府〔2009〕9号',
      '关键词: ',
      '',
      '各区人民政府，市政府直属各单位：',
    ]);
    expect(src.lines[22]).toBe('　　三、近期重点推进的十项工作');
    expect(src.lines.join('\n')).not.toContain('not content');
    expect(src.lines.join('\n')).not.toContain('首页');
  });

  it('writes the <table> one row per line, cells TAB-separated, group rows once, a <br> inside a cell as a space', () => {
    const at = src.lines.indexOf('具体工作任务\t牵头单位\t协办单位');
    expect(src.lines[at - 1]).toBe('');
    expect(src.lines.slice(at, at + 5)).toEqual([
      '具体工作任务\t牵头单位\t协办单位',
      '（一）高等院校建设',
      '1.南方科技大学项目建设\t市教育局\t市发展改革局、人事局、国土房产局、规划局、建设局、南山区政府、南方科大筹备办等',
      '2.加强深圳大学学科建设\t市教育局\t',
      '3.完善大学城管理体制\t市教育局\t市发展改革局、人事局等',
    ]);
    // The seed's text copy wrapped this lead cell over two lines; the page has one cell with a <br>.
    expect(src.lines).toContain('19.组建深圳国家高技术产业创新中心\t市发展改革局、 科技信息局\t市编办、国资委等');
    expect(src.lines.slice(-2)).toEqual(['124.完善政府采购政策\t市财政局、法制办\t市政府采购中心等', '']);
  });

  it('keeps the body before the table line for line, and has one TAB row per task row of the seed (124) plus the header', () => {
    const table = seedLines.indexOf('具体工作任务');
    // Same content up to the table; the content hash ignores whitespace, as document identity does.
    expect(contentHash(src.lines.slice(0, table))).toBe(contentHash(seedLines.slice(0, table)));
    expect(src.lines[table - 1]).toBe('深圳国家创新型城市总体规划实施方案分工一览表');
    const rows = src.lines.filter((l) => l.includes('\t'));
    expect(rows).toHaveLength(125);
    expect(rows.every((l) => l.split('\t').length === 3)).toBe(true);
    expect(rows.slice(1).map((l) => l.split('\t')[0])).toEqual(seedLines.filter((l, i) => i > table && /^\d+\./.test(l)));
  });
});

describe('htmlToSource on other layouts', () => {
  it('reads meta tags when there is no labelled block; writes the table as cells in the order the page has them', () => {
    const html = `<html><head><meta name="ArticleTitle" content="某区实施方案"><meta name="PubDate" content="2012年1月6日">
      <link rel="canonical" href="https://www.sz.gov.cn/x/t1.htm"></head><body><div id="zoom">
      <p>\u3000\u3000一、总体要求</p><p>第一句。<br/>第二句。</p>
      <table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>1</td><td>建设<b>创新</b>平台</td><td>市科技信息局<br>市发展改革局</td><td></td></tr></table><p>完</p></div></body></html>`;
    const src = htmlToSource('t1.txt', html);
    expect(src.header).toEqual({ url: 'https://www.sz.gov.cn/x/t1.htm', title: '某区实施方案', date: '2012-01-06' });
    expect(src.lines).toEqual([
      'https://www.sz.gov.cn/x/t1.htm',
      '发布日期: 2012-01-06',
      '信息名称: 某区实施方案',
      '',
      '　　一、总体要求',
      '第一句。',
      '第二句。',
      '',
      '序号\t工作任务\t牵头单位\t配合单位',
      '1\t建设创新平台\t市科技信息局 市发展改革局\t', // an empty cell is empty: the line ends in a TAB
      '',
      '完',
    ]);
  });

  it('repeats a rowspan or colspan cell in every position it covers, and writes a full-width caption row once', () => {
    const html = `<body><div id="zoom"><table>
      <tr><td colspan="3">附件 重点任务分工表</td></tr>
      <tr><th>重点任务</th><th>牵头单位</th><th>完成时限</th></tr>
      <tr><td>甲任务</td><td rowspan="2">市科技信息局</td><td>2012年</td></tr>
      <tr><td>乙任务</td><td>2013年</td></tr>
      <tr><td colspan="2">丙任务 市财政局</td><td>长期</td></tr></table></div></body>`;
    expect(htmlToSource('t.txt', html).lines).toEqual([
      '附件 重点任务分工表',
      '重点任务\t牵头单位\t完成时限',
      '甲任务\t市科技信息局\t2012年',
      '乙任务\t市科技信息局\t2013年',
      '丙任务 市财政局\t丙任务 市财政局\t长期',
      '',
    ]);
  });

  it('reads "label：value" in one element', () => {
    const src = htmlToSource('a.txt', '<body><div><span>文 号：深府〔2011〕194号</span></div><p>正文</p></body>');
    expect(src.header).toEqual({ number: '深府〔2011〕194号' });
    expect(src.lines).toEqual(['文   号: 深府〔2011〕194号', '', '正文']);
  });
});

describe('looksLikeHtml', () => {
  it('tells pages from text documents', () => {
    expect(looksLikeHtml(page)).toBe(true);
    expect(looksLikeHtml('<html><body><p>x</p></body></html>')).toBe(true);
    expect(looksLikeHtml(seedLines.join('\n'))).toBe(false);
    expect(looksLikeHtml('附表 <b>')).toBe(false);
  });
});

describe('htmlToSource header layouts', () => {
  it('reads a label span followed by a bare text value, and skips a label with no value', () => {
    const html = `<body><div class="xxgk"><span>索引号：</span>043000-10-2012-005512 <span>发布机构：</span><span>信息分类：</span>市委市政府文件</div>
      <div id="zoom"><p>正文</p></div></body>`;
    const src = htmlToSource('a.txt', html);
    expect(src.header).toEqual({ indexNo: '043000-10-2012-005512', category: '市委市政府文件' });
    expect(src.lines).toEqual(['索引号: 043000-10-2012-005512', '信息分类: 市委市政府文件', '', '正文']);
  });
});

describe('htmlToSource label spacing', () => {
  it('finds a label written after &nbsp; or ideographic spaces', () => {
    const src = htmlToSource('a.txt', '<body><table><tr><td>&nbsp;&#12288;文&nbsp;&nbsp;号：</td><td>深府〔2012〕8号</td></tr></table><div id="zoom"><p>正文</p></div></body>');
    expect(src.header).toEqual({ number: '深府〔2012〕8号' });
  });
});
