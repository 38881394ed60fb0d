import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ROOT } from '../deps.ts';
import { readSeeds } from '../seed-text.ts';
import { makePdf } from './formats-pdf.ts';

export const BENCH_FORMATS = ['txt', 'html', 'docx', 'xlsx', 'pdf'] as const;
export type BenchFormat = (typeof BENCH_FORMATS)[number];

export interface BenchInput {
  name: string;
  bytes: Uint8Array;
}

const FIX = join(ROOT, 'test', 'fixtures', 'formats');
const enc = new TextEncoder();

/**
 * `count` different documents of one format, from the seeds and the format fixtures: each copy
 * differs (its URL or title), so ingest reads every one instead of finding it unchanged.
 */
export async function formatCorpus(format: BenchFormat, count: number): Promise<BenchInput[]> {
  const out: BenchInput[] = [];
  for (let i = 0; i < count; i++) out.push(await variant(format, i));
  return out;
}

async function variant(format: BenchFormat, i: number): Promise<BenchInput> {
  switch (format) {
    case 'txt': {
      const seed = readSeeds()[i % 2]!;
      const [url, ...rest] = seed.text.split('\n');
      return { name: `seed-${i}.txt`, bytes: enc.encode(ownNumber([`${url}?copy=${i}`, ...rest].join('\n'), i)) };
    }
    case 'html': {
      const page = readFileSync(join(FIX, i % 2 === 0 ? '000-plan.html' : '004-page.html'), 'utf8');
      return { name: `page-${i}.html`, bytes: enc.encode(ownNumber(page.replace(/(saved from url=\(\d+\)\S+?)(\s*-->)/, `$1?copy=${i}$2`), i)) };
    }
    case 'xlsx': {
      const book = XLSX.read(readFileSync(join(FIX, '000-division.xlsx')), { type: 'buffer' });
      const sheet = book.Sheets[book.SheetNames[0]!]!;
      sheet['A1'] = { t: 's', v: `${String((sheet['A1'] as XLSX.CellObject).v)}（第${i + 1}版）` };
      return { name: `table-${i}.xlsx`, bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer };
    }
    case 'docx': {
      const parts = unzipSync(readFileSync(join(FIX, '000-division.docx')));
      const xml = strFromU8(parts['word/document.xml']!);
      parts['word/document.xml'] = strToU8(xml.replace('分工一览表</w:t>', `分工一览表（第${i + 1}版）</w:t>`));
      return { name: `table-${i}.docx`, bytes: zipSync(parts) };
    }
    case 'pdf': {
      // Ten pages of seed text, each copy from its own place in the seeds under its own title.
      const lines = readSeeds().flatMap((d) => d.text.split('\n').slice(9));
      const from = (i * 97) % lines.length;
      const title = `基准测试文档第${i + 1}份`;
      return { name: `printed-${i}.pdf`, bytes: await makePdf([title, ...lines.slice(from), ...lines.slice(0, from)], 10, title) };
    }
  }
}

/** Its own 文号 (the first one, the header's): the same number would make it a new version of the seed. */
function ownNumber(text: string, i: number): string {
  return text.replace(/(深府〔\d{4}〕)(\d+)(号)/, `$1${9000 + i}$3`);
}

/** A long plan as a PDF: the seeds' text over `pages` pages. */
export async function longPdf(pages: number): Promise<BenchInput> {
  const lines = readSeeds().flatMap((d) => d.text.split('\n').slice(9));
  return { name: `plan-${pages}-pages.pdf`, bytes: await makePdf(lines, pages, `深圳市规划汇编（${pages}页）`) };
}
