import { loudWarnings, readBadly, type ReadingReport } from '../model/index.ts';
import type { FileOutcome, IngestSummary } from './ingest.ts';

const MAX_WARNINGS_SHOWN = 3;

/** The end-of-run report: one line per file, then the totals. */
export function formatIngestSummary(s: IngestSummary): string {
  const out: string[] = [];
  for (const f of s.files) out.push(...formatOutcome(f));
  const c = s.counts;
  const secs = s.ms / 1000;
  out.push('');
  out.push(`${s.files.length} file(s), ${(s.bytes / 1e6).toFixed(2)} MB in ${secs.toFixed(1)} s (${secs > 0 ? (s.bytes / 1e6 / secs).toFixed(1) : '0.0'} MB/s)`);
  out.push(`documents: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.refused} refused, ${c.failed} failed${c.held ? `, ${c.held} held back (see above; --force applies them)` : ''}`);
  if (s.dependents > 0) out.push(`a seed changed: ${s.dependents} other document(s) re-read against its catalogue`);
  out.push(`nodes +${s.nodesAdded} −${s.nodesRemoved}, edges +${s.edgesAdded} −${s.edgesRemoved}, warnings ${s.warnings}`);
  const poor = readBadlyLine(s.files.flatMap((f) => (f.report ? [f.report] : [])));
  if (poor) out.push(poor);
  return out.join('\n');
}

function formatOutcome(f: FileOutcome): string[] {
  const status = f.status.padEnd(9);
  if (f.status === 'refused' || f.status === 'failed' || f.status === 'held') return [`${status} ${f.input}: ${f.message ?? ''}`];
  const how = [f.format, f.encoding].filter(Boolean).join(', ');
  const change = f.change ? `  nodes +${f.change.nodesAdded} −${f.change.nodesRemoved}, edges +${f.change.edgesAdded} −${f.change.edgesRemoved}` : '';
  const lines = [`${status} ${f.input} → ${f.file ?? '?'} (${how})${change}`];
  if (f.report) lines.push(...describeReport(f.report));
  for (const w of f.warnings.slice(0, MAX_WARNINGS_SHOWN)) lines.push(`          warning: ${w}`);
  if (f.warnings.length > MAX_WARNINGS_SHOWN) lines.push(`          … and ${f.warnings.length - MAX_WARNINGS_SHOWN} more warning(s)`);
  return lines;
}

/** The closing line naming the documents read badly, or null when there are none. */
export function readBadlyLine(reports: readonly ReadingReport[]): string | null {
  const poor = reports.filter(readBadly);
  return poor.length > 0 ? `!! ${poor.length} document(s) read badly (no responsibility read or a table without rows): ${poor.map((r) => r.doc).join(', ')}` : null;
}

/** What was read, one line, then the loud warnings (each with its line) marked so they stand out. */
export function describeReport(r: ReadingReport, indent = '          ', loudIndent = '       '): string[] {
  const c = r.clauses;
  const clauses = Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const lines = [
    `${indent}read: ${r.jurisdiction}; ${r.sections} section(s), ${r.tableRows} table row(s), clauses ${clauses}; ${r.responsibilityEdges} responsibility edge(s), units ${r.units.known} known / ${r.units.new} new / ${r.units.untyped} untyped, deadlines ${r.deadlines.normalised} read / ${r.deadlines.notNormalised} not, ${r.technologyLinks} technology link(s)`,
  ];
  for (const w of loudWarnings(r)) lines.push(`${loudIndent}!! line ${w.line} ${w.kind}: ${w.message}`);
  return lines;
}
