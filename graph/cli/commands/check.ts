import { findRowDisagreements } from '../../analysis/row-agreement.ts';
import type { ConsistencyFinding, ExtractionWarning, RowDisagreement } from '../../model/index.ts';
import { buildGraph } from '../../etl/build-graph.ts';
import { readingReports } from '../../etl/reading-reports.ts';
import { describeReport } from '../../ingest/format-summary.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { readBadly } from '../../model/index.ts';
import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs } from '../cli-args.ts';
import { readSources } from '../read-sources.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check [files…] [--json]: clauses whose units differ from the rows they cite, rows documents name differently, extraction warnings, documents read badly (no files: every loaded document)',
  async run(argv) {
    const args = parseCliArgs(argv);
    // No files: every loaded document (seeds and ingested), not only seeds/.
    const sources = args.files.length > 0 ? await readSources(args.files) : await (await SourceLibrary.open(dataDirOf(args))).allSources();
    const { graph, findings, warnings } = buildGraph(sources);
    const rowDisagreements = findRowDisagreements(graph);
    const poor = readingReports(sources).filter(readBadly);
    if (args.json) {
      console.log(JSON.stringify({ findings, rowDisagreements, warnings, readBadly: poor }, null, 2));
      return 0;
    }
    console.log(`documents checked: ${sources.length}; read badly: ${poor.length}`);
    for (const r of poor) console.log([`${r.doc}`, ...describeReport(r)].join('\n'));
    console.log(`consistency findings: ${findings.length}`);
    for (const f of findings) console.log(formatFinding(f));
    console.log(`\nrows the documents name differently: ${rowDisagreements.length}`);
    for (const d of rowDisagreements) console.log(formatDisagreement(d));
    console.log(`\nextraction warnings: ${warnings.length}`);
    for (const w of warnings) console.log(formatWarning(w));
    return 0; // a report, not a gate
  },
};

function formatFinding(f: ConsistencyFinding): string {
  const role = f.role === 'LEADS' ? '牵头' : '配合';
  const parts = [`${f.doc}:${f.clause.line} ${f.sectionName} → 附表${f.rowNo}${f.rowName ? ` ${f.rowName}` : ' (missing)'} [${role}]`];
  if (f.onlyInClause.length) parts.push(`    only in clause: ${f.onlyInClause.join('、')}`);
  if (f.onlyInRow.length) parts.push(`    only in row:    ${f.onlyInRow.join('、')}  (line ${f.row.map((e) => e.line).join(', ')})`);
  return parts.join('\n');
}

function formatDisagreement(d: RowDisagreement): string {
  const role = d.role === 'LEADS' ? '牵头' : '配合';
  const lines = d.documents.map((x) => `    ${x.doc}${x.row ? `:${x.row.line}` : ''} 附表${x.tableNo ?? '?'}: ${x.units.join('、') || '—'}`);
  return [`${d.rowName} [${role}]`, ...lines].join('\n');
}

function formatWarning(w: ExtractionWarning): string {
  return `${w.doc}:${w.line} ${w.kind}: ${w.message}${w.text ? `  「${w.text}」` : ''}`;
}
