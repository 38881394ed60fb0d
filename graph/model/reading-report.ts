import { z } from 'zod';
import { ExtractionWarningSchema } from './findings.ts';

/** How a responsibility clause was written (see graph/etl/responsibility-clauses.ts). */
export const CLAUSE_CONVENTIONS = ['seed', 'bracketed', 'unsplit', 'prose'] as const;
export type ClauseConvention = (typeof CLAUSE_CONVENTIONS)[number];

const Count = z.number().int().min(0);

/**
 * What the ETL read from one document, so that a document read as nothing says so: sections,
 * table rows, clauses by convention, units, deadlines, technology links, and the warnings that
 * a reader must not miss (responsibility wording with no responsibility read, a table header
 * with no rows).
 */
export const ReadingReportSchema = z.object({
  doc: z.string(),
  /** Whose 市 and 区 the document's units are: 深圳市, 广州市, 广州市越秀区. */
  jurisdiction: z.string(),
  sections: Count,
  tableRows: Count,
  clauses: z.object({ seed: Count, bracketed: Count, unsplit: Count, prose: Count }),
  units: z.object({
    /** In the glossary or the organisations catalogue, or a collective phrase. */
    known: Count,
    /** Typed by the rules of their name (suffix, party body, court…); named in a new-unit warning. */
    new: Count,
    untyped: Count,
    newNames: z.array(z.string()),
    untypedNames: z.array(z.string()),
  }),
  responsibilityEdges: Count,
  deadlines: z.object({
    normalised: Count,
    /** Deadline wording (2024年底前, 每年…) no interval was read from. */
    notNormalised: Count,
    notNormalisedLines: z.array(z.number().int()),
  }),
  technologyLinks: Count,
  warnings: z.array(ExtractionWarningSchema),
});
export type ReadingReport = z.infer<typeof ReadingReportSchema>;

/** Warnings that mean the document was read as (almost) nothing: shown before all others. */
export const LOUD_WARNING_KINDS = ['no-responsibility', 'table-without-rows', 'unread-responsibility'] as const;
const LOUD = new Set<string>(LOUD_WARNING_KINDS);

/** The report's warnings that mean the document was read as (almost) nothing. */
export function loudWarnings(r: ReadingReport | undefined): ReadingReport['warnings'] {
  return (r?.warnings ?? []).filter((w) => LOUD.has(w.kind));
}

/** Responsibility wording or a table header with nothing read from it: the document must not look green. */
export function readBadly(r: ReadingReport): boolean {
  return loudWarnings(r).length > 0;
}
