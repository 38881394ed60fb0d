import { z } from 'zod';

/** Where a fact was read: the source file, the 1-based line, and an exact substring of that line. */
export const EvidenceSchema = z.object({
  doc: z.string().min(1).describe('source file name, e.g. 000_2ebb2acb91732bad.txt'),
  line: z.number().int().min(1).describe('1-based line number in the source file'),
  quote: z.string().min(1).describe('exact substring of that line'),
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
