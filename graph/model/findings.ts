import { z } from 'zod';
import { EvidenceSchema } from './evidence.ts';

/** A responsibility clause in the text and a table row it cites that name different units. */
export const ConsistencyFindingSchema = z.object({
  doc: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  clause: EvidenceSchema,
  rowNo: z.number().int(),
  rowId: z.string().nullable().describe('null when the cited row does not exist in the table'),
  rowName: z.string().nullable(),
  row: z.array(EvidenceSchema),
  role: z.enum(['LEADS', 'COOPERATES']),
  onlyInClause: z.array(z.string()).describe('canonical unit names the clause has and the row lacks'),
  onlyInRow: z.array(z.string()).describe('canonical unit names the row has and the clause lacks'),
});
export type ConsistencyFinding = z.infer<typeof ConsistencyFindingSchema>;

/**
 * A table row named by several documents whose documents give it different units for one role,
 * e.g. the 2009 table has 高新办 cooperate and the 2010 table 发展改革局. One entry per document.
 */
export const RowDisagreementSchema = z.object({
  rowId: z.string(),
  rowName: z.string(),
  role: z.enum(['LEADS', 'COOPERATES']),
  documents: z.array(
    z.object({
      doc: z.string(),
      tableNo: z.number().int().nullable().describe('the number this document gives the row'),
      units: z.array(z.string()).describe('names of the units this document gives the role, sorted'),
      row: EvidenceSchema.nullable().describe("the row's title line in this document"),
    }),
  ),
});
export type RowDisagreement = z.infer<typeof RowDisagreementSchema>;

export const WARNING_KINDS = [
  'unresolved-abbreviation',
  'unknown-unit-type',
  'missing-table-row',
  'unparsed-line',
  'unparsed-time',
  'encoding',
  'new-unit',
  'no-responsibility',
  'table-without-rows',
  'unread-responsibility',
] as const;

/** Something the ETL could not read with confidence; always with its place in the source. */
export const ExtractionWarningSchema = z.object({
  doc: z.string(),
  line: z.number().int().min(1),
  kind: z.enum(WARNING_KINDS),
  message: z.string(),
  text: z.string().optional(),
});
export type ExtractionWarning = z.infer<typeof ExtractionWarningSchema>;
