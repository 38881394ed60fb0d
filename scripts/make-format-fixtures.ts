// Builds the document-format fixtures in test/fixtures/formats/ from the seeds, with the libraries
// the readers use (SheetJS, docx, Chromium's print to PDF, pdfkit, fflate). Run:
//   npx tsx scripts/make-format-fixtures.ts
// The outputs are committed. Chromium is /usr/bin/chromium (CHROMIUM_PATH to override).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { zipSync, Zip, ZipDeflate } from 'fflate';
import PDFDocument from 'pdfkit';
import { chromium } from 'playwright-core';

const OUT = 'test/fixtures/formats';
const S000 = readFileSync('seeds/000_2ebb2acb91732bad.txt', 'utf8').split('\n');
const S004 = readFileSync('seeds/004_6d8794a7fddf0732.txt', 'utf8').split('\n');
const TABLE_TITLE = '深圳国家创新型城市总体规划实施方案分工一览表';

type Row = { kind: 'group'; text: string } | { kind: 'task'; task: string; lead: string[]; coop: string };

/** Seed 000's 分工一览表 (cell-per-line in the text) as header + rows, a wrapped lead cell as its parts. */
function divisionTable(): { header: string[]; rows: Row[] } {
  const start = S000.findIndex((l, i) => i > 200 && l === TABLE_TITLE);
  const rest = S000.slice(start + 1).filter((l, i, a) => i < a.length - 1 || l !== '');
  const isRow = (l: string | undefined) => l !== undefined && /^\d+\./.test(l);
  const isGroup = (l: string | undefined) => l !== undefined && /^（[一二三四五六七八九十]+）/.test(l);
  const rows: Row[] = [];
  let i = 3;
  while (i < rest.length) {
    const line = rest[i]!;
    if (isGroup(line)) {
      // A group title the text copy wrapped is one cell with a line break, as in the HTML fixture.
      const parts = [line];
      while (i + parts.length < rest.length && !isRow(rest[i + parts.length]) && !isGroup(rest[i + parts.length])) parts.push(rest[i + parts.length]!);
      rows.push({ kind: 'group', text: parts.join('\n') });
      i += parts.length;
    } else if (isRow(line)) {
      const lead = [rest[i + 1] ?? ''];
      while (lead[lead.length - 1]!.trim().endsWith('、')) lead.push(rest[i + 1 + lead.length] ?? '');
      rows.push({ kind: 'task', task: line, lead: lead.map((l) => l.trim()), coop: (rest[i + 1 + lead.length] ?? '').trim() });
      i += 2 + lead.length;
    } else {
      throw new Error(`unexpected table line: ${line}`);
    }
  }
  return { header: rest.slice(0, 3), rows };
}

/** The table as a workbook: a merged title row, the header, merged group rows, a wrapped lead as a newline in its cell. */
function divisionXlsx(): Buffer {
  const { header, rows } = divisionTable();
  const aoa: string[][] = [[TABLE_TITLE, '', ''], header];
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  for (const r of rows) {
    if (r.kind === 'group') {
      merges.push({ s: { r: aoa.length, c: 0 }, e: { r: aoa.length, c: 2 } });
      aoa.push([r.text, '', '']);
    } else aoa.push([r.task, r.lead.join('\n'), r.coop]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!merges'] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '分工一览表');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The same table as a Word table under a centred title; a wrapped lead is two paragraphs in its cell. */
async function divisionDocx(): Promise<Buffer> {
  const { header, rows } = divisionTable();
  const cell = (parts: string[], columnSpan = 1) => new TableCell({ columnSpan, children: parts.map((p) => new Paragraph(p)) });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell([h])) }),
      ...rows.map((r) => new TableRow({ children: r.kind === 'group' ? [cell(r.text.split('\n'), 3)] : [cell([r.task]), cell(r.lead), cell([r.coop])] })),
    ],
  });
  const title = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TABLE_TITLE, bold: true })] });
  const doc = new Document({ creator: 'policy-graph', title: TABLE_TITLE, sections: [{ children: [title, table] }] });
  return Packer.toBuffer(doc);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved page in the site's layout: labelled header block, body paragraphs in #zoom. */
function savedPage(lines: string[], bodyHtml: string): string {
  const field = (label: string) => (lines.slice(1, 9).find((l) => l.replace(/\s+/g, '').startsWith(label)) ?? '').replace(/^[^:]*:\s*/, '').trim();
  const td = (label: string, value: string) => `<td>${label}</td><td>${esc(value)}</td>`;
  return `<!DOCTYPE html>
<!-- saved from url=(${String(lines[0]!.length).padStart(4, '0')})${lines[0]} -->
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(field('信息名称'))}</title>
<style>body{font-family:"Noto Serif CJK SC",serif;font-size:16px;line-height:1.6} p{margin:0}</style></head><body>
<div class="xxgk_head"><table>
<tr>${td('索引号：', field('索引号'))}${td('信息分类：', field('信息分类'))}</tr>
<tr>${td('发布机构：', field('发布机构'))}${td('发布日期：', field('发布日期'))}</tr>
<tr>${td('信息名称：', field('信息名称'))}</tr>
<tr>${td('文　　号：', field('文号'))}</tr>
</table></div>
<div id="zoom">
${bodyHtml}
</div></body></html>
`;
}

const paragraphs = (lines: string[]) => lines.map((l) => (l.trim() === '' ? '' : `<p>${esc(l)}</p>`)).filter(Boolean).join('\n');

/** Seed 000's page without the table, linking the table as an attachment by its file name. */
function planPage(): string {
  const start = S000.findIndex((l, i) => i > 200 && l === TABLE_TITLE);
  return savedPage(S000, `${paragraphs(S000.slice(9, start))}\n<p>附件：<a href="000-division.xlsx">分工一览表</a></p>`);
}

async function printPdfs(page004: string): Promise<{ printed: Buffer; scanned: Buffer }> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.setContent(page004, { waitUntil: 'load' });
    const printed = await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
    const shot = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 900, height: 1200 } });
    return { printed, scanned: await imageOnlyPdf(shot) };
  } finally {
    await browser.close();
  }
}

function pdfkitBytes(build: (doc: PDFKit.PDFDocument) => void, opts: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(Date.UTC(2024, 0, 1)) }, ...opts });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

/** A "scan": the page as a picture and nothing else, no text layer. */
const imageOnlyPdf = (png: Buffer) => pdfkitBytes((doc) => void doc.image(png, 0, 0, { width: 595 }));

const encryptedPdf = () => pdfkitBytes((doc) => void doc.text('Confidential plan'), { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });

/** What Office writes for a password-protected .xlsx: a compound file holding EncryptionInfo and EncryptedPackage. */
function encryptedXlsx(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** A zip that declares an .xlsx's parts and unpacks to 1 GiB of zeros (about 1 MB on disk). */
function zipBomb(): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const small = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
  void small;
  for (const [name, size] of [['[Content_Types].xml', 8], ['xl/workbook.xml', 11], ['xl/worksheets/sheet1.xml', 1 << 30]] as const) {
    const entry = new ZipDeflate(name, { level: 9 });
    zip.add(entry);
    const chunk = new Uint8Array(1 << 24);
    for (let left = size; left > 0; left -= chunk.length) entry.push(chunk.subarray(0, Math.min(chunk.length, left)), left <= chunk.length);
  }
  zip.end();
  return Buffer.concat(parts);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const write = (name: string, data: Uint8Array | string) => writeFileSync(join(OUT, name), data);
  const xlsx = divisionXlsx();
  const docx = await divisionDocx();
  write('000-division.xlsx', xlsx);
  write('000-division.docx', docx);
  write('000-plan.html', planPage());
  const page004 = savedPage(S004, paragraphs(S004.slice(9)));
  write('004-page.html', page004);
  const { printed, scanned } = await printPdfs(page004);
  write('004-printed.pdf', printed);
  write('004-scanned.pdf', scanned);
  write('encrypted.pdf', await encryptedPdf());
  write('encrypted.xlsx', encryptedXlsx());
  write('corrupt.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  write('corrupt.xlsx', Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(2000, 0x41)]));
  write('corrupt.pdf', printed.subarray(0, 1500));
  write('zip-bomb.xlsx', zipBomb());
}

await main();
