import type { GraphFragment, ParsedDocument } from './types.ts';
import { emptyFragment } from './types.ts';

/**
 * Technology nodes (the ten domains and 48 numbered areas of the S&T plan, SUBFIELD_OF),
 * the term lexicon that maps wording in any document onto them, and Task TARGETS Technology.
 */
export function extractTechnologies(_docs: readonly ParsedDocument[]): GraphFragment {
  return emptyFragment(); // TODO: implemented by the technologies step
}
