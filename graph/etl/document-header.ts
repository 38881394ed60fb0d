import type { DocumentHeader } from './types.ts';

// Field labels as the seeds print them; 文号 is padded with spaces ("文   号").
const FIELDS: Record<string, keyof DocumentHeader> = {
  索引号: 'indexNo',
  信息分类: 'category',
  发布机构: 'publisher',
  发布日期: 'date',
  信息名称: 'title',
  文号: 'number',
};

export interface HeaderField {
  key: keyof DocumentHeader;
  value: string;
  line: number; // 1-based
}

/** Reads the metadata block at the top of a seed: the URL line and `label: value` lines. */
export function parseHeaderFields(lines: readonly string[]): HeaderField[] {
  const out: HeaderField[] = [];
  const limit = Math.min(lines.length, 12);
  for (let i = 0; i < limit; i++) {
    const text = (lines[i] ?? '').trim();
    if (/^https?:\/\/\S+$/.test(text)) {
      out.push({ key: 'url', value: text, line: i + 1 });
      continue;
    }
    const m = /^([^:：]+)[:：]\s*(.*)$/.exec(text);
    if (!m) continue;
    const key = FIELDS[(m[1] ?? '').replace(/\s+/g, '')];
    const value = (m[2] ?? '').trim();
    if (key && value) out.push({ key, value, line: i + 1 });
  }
  return out;
}

export function parseHeader(lines: readonly string[]): DocumentHeader {
  const header: DocumentHeader = {};
  for (const f of parseHeaderFields(lines)) header[f.key] = f.value;
  return header;
}
