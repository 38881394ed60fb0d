import type { GraphFragment, ParsedDocument } from './types.ts';
import { emptyFragment } from './types.ts';

/** 依托X组建/建设Y → Y DEPENDS_ON X, with the sentence as evidence. */
export function extractDependencies(_docs: readonly ParsedDocument[]): GraphFragment {
  return emptyFragment(); // TODO
}
