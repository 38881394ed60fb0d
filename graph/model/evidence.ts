import { z } from 'zod';

/**
 * Where a fact was read: the source file, the 1-based line, and an exact substring of that line;
 * for a line read from a PDF or a spreadsheet, also its page or its sheet and row.
 */
export const EvidenceSchema = z.object({
  doc: z.string().min(1).describe('source file name, e.g. 000_2ebb2acb91732bad.txt'),
  line: z.number().int().min(1).describe('1-based line number in the source file'),
  quote: z.string().min(1).describe('exact substring of that line'),
  page: z.number().int().min(1).optional().describe('1-based PDF page the line was read from'),
  sheet: z.string().min(1).optional().describe('spreadsheet sheet the line was read from'),
  row: z.number().int().min(1).optional().describe('1-based spreadsheet row the line was read from'),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export function evidenceKey(e: Evidence): string {
  return `${e.doc}:${e.line}:${e.quote}`;
}

/** Union of evidence lists without duplicates, in first-seen order. */
export function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const seen = new Set(a.map(evidenceKey));
  const out = [...a];
  for (const e of b) {
    const k = evidenceKey(e);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/** The documents an item's evidence comes from, each once, in evidence order. */
export function evidenceDocs(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => e.doc))];
}
