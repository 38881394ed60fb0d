import { fmt } from './stats.ts';

/** One printed figure. `target` says what passing means; `ok` is undefined when there is no target. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  target?: string;
  ok?: boolean;
  /** Why a figure could not be measured, printed in place of the value. */
  note?: string;
}

export interface SectionResult {
  section: string;
  figures: Figure[];
  ms: number;
}

export function figure(name: string, value: number, unit: string, target?: { text: string; ok: boolean }): Figure {
  return target ? { name, value, unit, target: target.text, ok: target.ok } : { name, value, unit };
}

/** A figure that could not be taken, with the reason; never counted as a failure. */
export function notMeasured(name: string, reason: string): Figure {
  return { name, value: null, unit: '', note: `not measured: ${reason}` };
}

export function skipped(name: string, reason: string): Figure {
  return { name, value: null, unit: '', note: `skipped: ${reason}` };
}

/** `value < limit` as a target. */
export function below(value: number, limit: number, unit: string): { text: string; ok: boolean } {
  return { text: `< ${fmt(limit)} ${unit}`.trim(), ok: value < limit };
}

/** `value >= limit` as a target. */
export function atLeast(value: number, limit: number, unit: string): { text: string; ok: boolean } {
  return { text: `≥ ${fmt(limit)} ${unit}`.trim(), ok: value >= limit };
}

function pad(s: string, width: number): string {
  // CJK characters take two columns in a terminal.
  const w = [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, width - w));
}

export function formatSection(r: SectionResult): string {
  const rows = r.figures.map((f) => [
    f.name,
    f.value === null ? (f.note ?? '') : `${fmt(f.value)} ${f.unit}`.trim(),
    f.target ?? '',
    f.ok === undefined ? '' : f.ok ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' │ ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [`\n■ ${r.section} (${(r.ms / 1000).toFixed(1)} s)`, line(head), rule, ...rows.map(line)].join('\n');
}
