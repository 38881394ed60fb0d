import type { GraphFragment, ParsedDocument, ResolvedOrganisation } from './types.ts';
import { emptyFragment } from './types.ts';

/**
 * Non-government organisations: typing (Institution / Enterprise), canonical names and aliases,
 * recognition in prose, and Task MENTIONS organisation.
 */
export function lookupOrganisation(_name: string): ResolvedOrganisation | null {
  return null; // TODO
}

export function extractOrganisations(_docs: readonly ParsedDocument[]): GraphFragment {
  return emptyFragment(); // TODO
}
