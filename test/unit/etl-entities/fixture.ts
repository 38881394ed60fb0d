import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedDocument, SourceDocument, TaskSpan } from '../../../graph/etl/types.ts';

// A stand-in for the structural parser: enough structure (headings, (1) items that share a
// line with their section, table rows) to test the entity steps on the real seeds.

export const SEED_000 = '000_2ebb2acb91732bad.txt';
export const SEED_004 = '004_6d8794a7fddf0732.txt';

export function readSeed(file: string): SourceDocument {
  const text = readFileSync(join(import.meta.dirname, '../../../seeds', file), 'utf8');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  return { file, lines, header: {} };
}

const LEVELS: [number, RegExp][] = [
  [1, /^([一二三四五六七八九十]+)、(.+)$/],
  [2, /^（([一二三四五六七八九十]+)）([^。]+)/],
  [3, /^(\d{1,2})[．.](?!\d)([^。]+)/],
];
const ITEM = /（(\d{1,2})）([^，。；]+)/g;

export function span(taskId: string, title: string, titleLine: number, lines: number[], parentId: string | null, kind: TaskSpan['kind'] = 'section'): TaskSpan {
  return { taskId, kind, title, titleLine, lines, parentId };
}

/** Sections by heading, (1) items inside a section's lines, table rows after 附表. */
export function parseFixture(source: SourceDocument): ParsedDocument {
  const tasks: TaskSpan[] = [];
  const stack: { level: number; task: TaskSpan }[] = [];
  const tableAt = source.lines.findIndex((l) => /^附表/.test(l.trim()));
  const annexAt = source.lines.findIndex((l) => /^附[表录]/.test(l.trim()));
  const end = annexAt < 0 ? source.lines.length : annexAt;
  for (let i = 14; i < end; i++) {
    const raw = source.lines[i] ?? '';
    const text = raw.trim();
    if (!text) {
      // 004 lost its 一、二、 headings: a whitespace-only line separates its parts.
      if (raw.length > 0) stack.length = 0;
      continue;
    }
    const line = i + 1;
    const h = LEVELS.find(([, re]) => re.test(text));
    if (h) {
      const m = h[1].exec(text);
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h[0]) stack.pop();
      const parent = stack[stack.length - 1]?.task ?? null;
      const task = span(`t:${source.file}:${line}`, (m?.[2] ?? '').trim(), line, [line], parent?.taskId ?? null);
      tasks.push(task);
      stack.push({ level: h[0], task });
      continue;
    }
    const cur = stack[stack.length - 1]?.task;
    if (!cur) continue;
    cur.lines.push(line);
    for (const item of text.matchAll(ITEM)) {
      tasks.push(span(`t:${source.file}:${line}:${item[1]}`, item[2] ?? '', line, [line], cur.taskId));
    }
  }
  if (tableAt >= 0) tasks.push(...tableRows(source, tableAt));
  return { source, documentId: `document:${source.file}`, tasks };
}

function tableRows(source: SourceDocument, from: number): TaskSpan[] {
  const rows: TaskSpan[] = [];
  let cur: TaskSpan | null = null;
  for (let i = from; i < source.lines.length; i++) {
    const text = (source.lines[i] ?? '').trim();
    const m = /^(\d{1,3})[.．](.+)$/.exec(text);
    if (m) {
      cur = span(`row:${m[1]}`, (m[2] ?? '').trim(), i + 1, [i + 1], null, 'tableRow');
      rows.push(cur);
    } else if (/^（[一二三四五六七八九十]+）/.test(text)) {
      cur = null;
    } else if (cur) {
      cur.lines.push(i + 1);
    }
  }
  return rows;
}

export function parsedSeeds(): ParsedDocument[] {
  return [parseFixture(readSeed(SEED_000)), parseFixture(readSeed(SEED_004))];
}
