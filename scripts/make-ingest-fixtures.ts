// Builds the ingest fixtures in test/fixtures/ingest/ from the two seeds. Run:
//   npx tsx scripts/make-ingest-fixtures.ts
// The outputs are committed; rerunning must reproduce them byte for byte.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const SEEDS = 'seeds';
const OUT = 'test/fixtures/ingest';
const S000 = readFileSync(join(SEEDS, '000_2ebb2acb91732bad.txt'), 'utf8');
const S004 = readFileSync(join(SEEDS, '004_6d8794a7fddf0732.txt'), 'utf8');

/** The row whose lead unit the modified copy changes, and the new lead. */
const CHANGED_ROW = { line: 232, task: '3.完善大学城管理体制', from: '市教育局', to: '市科技信息局' } as const;
/** The truncated copy ends inside row 52's task line ("52.建设国家…"), in the middle of 家. */
const TRUNCATED_AT_LINE = 398;

function main(): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, '000-page.html'), toHtml(S000.split('\n')));
  // An old Windows export: GB18030 bytes and CRLF line ends.
  writeFileSync(join(OUT, '004-gb18030.txt'), iconv.encode(S004.replace(/\n/g, '\r\n'), 'gb18030'));
  writeFileSync(join(OUT, '000-truncated.txt'), truncated(S000));
  writeFileSync(join(OUT, 'binary.txt'), binary());
  writeFileSync(join(OUT, 'empty.txt'), '');
  writeFileSync(join(OUT, '000-row-changed.txt'), rowChanged(S000));
}

function rowChanged(text: string): string {
  const lines = text.split('\n');
  const i = CHANGED_ROW.line - 1;
  if (lines[i - 1] !== CHANGED_ROW.task || lines[i] !== CHANGED_ROW.from) throw new Error(`seed 000 line ${CHANGED_ROW.line} is not the lead of ${CHANGED_ROW.task}`);
  lines[i] = CHANGED_ROW.to;
  return lines.join('\n');
}

function truncated(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const lineStart = Buffer.from(text.split('\n').slice(0, TRUNCATED_AT_LINE - 1).join('\n') + '\n', 'utf8').length;
  // "52." then three CJK characters (3 bytes each), then the first byte of the fourth.
  return bytes.subarray(0, lineStart + 3 + 3 * 3 + 1);
}

/** Something a user might drop by mistake: a PNG header and IHDR chunk, full of NUL bytes. */
function binary(): Buffer {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0, 0x1f, 0xf3, 0xff, 0x61];
  return Buffer.from([...sig, ...ihdr]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (s: string) => (s.trim() === '' ? '<p>&nbsp;</p>' : `<p>${esc(s)}</p>`);

/** Seed 000 as the site serves it: meta tags, a labelled header table, the body, the table as <table>. */
function toHtml(lines: string[]): string {
  const url = lines[0]!;
  const field = (label: string) => (lines.slice(1, 9).find((l) => l.replace(/\s+/g, '').startsWith(label)) ?? '').replace(/^[^:]*:\s*/, '').trim();
  const title = field('信息名称');
  const tableStart = lines.findIndex((l, i) => i > 200 && l === '深圳国家创新型城市总体规划实施方案分工一览表');
  const body = lines.slice(9, tableStart);
  const cells = (label: string, value: string) => `<td class="lab">${label}</td><td>${esc(value)}</td>`;
  return `<!DOCTYPE html>
<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${esc(title)}_深圳政府在线</title>
<meta name="ArticleTitle" content="${esc(title)}">
<meta name="PubDate" content="${field('发布日期')} 00:00">
<meta name="ContentSource" content="${esc(field('发布机构'))}">
<style>.lab{font-weight:bold}</style>
<script>var nav = "<p>not content</p>";</script>
</head><body>
<div class="top-nav"><a href="/">首页</a> &gt; <a href="/zfgb/">政府公报</a></div>
<div class="xxgk_head"><table>
<tr>${cells('索引号：', field('索引号'))}${cells('信息分类：', field('信息分类'))}</tr>
<tr>${cells('发布机构：', field('发布机构'))}${cells('发布日期：', field('发布日期'))}</tr>
<tr>${cells('信息名称：', title)}</tr>
<tr>${cells('文　　号：', field('文号'))}${cells('关键词：', '')}</tr>
</table></div>
<h1 class="title">${esc(title)}</h1>
<div id="zoom" class="TRS_Editor">
${body.map(para).join('\n')}
<p align="center"><strong>${esc(lines[tableStart]!)}</strong></p>
${toTable(lines.slice(tableStart + 1))}
</div>
<div class="footer">主办：深圳市人民政府办公厅</div>
</body></html>
`;
}

/** The division-of-labour table: header row, group rows spanning 3 columns, task rows of 3 cells. */
function toTable(rest: string[]): string {
  const isRow = (l: string | undefined) => l !== undefined && /^\d+\./.test(l);
  const isGroup = (l: string | undefined) => l !== undefined && /^（[一二三四五六七八九十]+）/.test(l);
  const td = (parts: string[], attrs = '') => `<td${attrs}>${parts.map((p) => (p.trim() ? esc(p) : '&nbsp;')).join('<br>')}</td>`;
  const rows = [`<tr>${rest.slice(0, 3).map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`];
  let i = 3;
  while (i < rest.length) {
    const line = rest[i]!;
    if (isGroup(line)) {
      const parts = [line];
      while (i + parts.length < rest.length && !isRow(rest[i + parts.length]) && !isGroup(rest[i + parts.length])) parts.push(rest[i + parts.length]!);
      rows.push(`<tr>${td(parts, ' colspan="3"')}</tr>`);
      i += parts.length;
    } else if (isRow(line)) {
      const lead = [rest[i + 1] ?? ''];
      // A lead cell the text copy wrapped ("市发展改革局、 " / "科技信息局") is one cell.
      while (lead[lead.length - 1]!.trim().endsWith('、')) lead.push(rest[i + 1 + lead.length] ?? '');
      const coop = rest[i + 1 + lead.length] ?? '';
      rows.push(`<tr>${td([line])}${td(lead)}${td([coop])}</tr>`);
      i += 2 + lead.length;
    } else {
      throw new Error(`unexpected table line: ${line}`);
    }
  }
  return `<table border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

main();
