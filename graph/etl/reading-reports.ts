import type { ReadingReport } from '../model/index.ts';
import { readFacts } from './etl-context.ts';
import { readStructure } from './parse-document.ts';
import { readingReport } from './reading-report.ts';
import { technologySetOf } from './technologies.ts';
import type { SourceDocument } from './types.ts';

/**
 * The reading report of each document, read against the technology catalogue the set itself
 * holds (as the ETL reads them together): what `kg documents` and `kg check` show per document.
 * With `only`, the report of that one document (the others give the catalogue only).
 */
export function readingReports(sources: readonly SourceDocument[], only?: string): ReadingReport[] {
  const structures = sources.map(readStructure);
  // In file order, as the ETL finds the catalogue.
  const byFile = [...structures].sort((a, b) => (a.parsed.source.file < b.parsed.source.file ? -1 : 1));
  const tech = technologySetOf(byFile.map((s) => s.parsed));
  return structures.filter((s) => only === undefined || s.parsed.source.file === only).map((s) => readingReport(s, readFacts(s, tech)));
}
