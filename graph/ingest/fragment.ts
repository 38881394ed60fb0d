import { EtlContext } from '../etl/etl-context.ts';
import type { SourceDocument } from '../etl/types.ts';
import { emptyRules, type MergeRules } from './merge-rules.ts';
import { readAgainstContext } from './read-against-context.ts';
import type { DocumentFragment } from './split-by-document.ts';

export { splitByDocument, type DocumentFragment } from './split-by-document.ts';

/**
 * Each document's own facts. The ETL reads a document against the catalogues in the seeds
 * (organisations, the 004 technology list): `context`, read once and reused while it is unchanged.
 * A document's fragment is what the ETL over the context plus that document gives, whatever else
 * is in the batch: every node and edge with evidence from it, with only that evidence.
 * A batch's new version of a context document replaces the old one in the context of the others.
 */
export function buildFragments(
  context: readonly SourceDocument[],
  batch: readonly SourceDocument[],
  rules: MergeRules = emptyRules(),
): Map<string, DocumentFragment> {
  return new Map(eachFragment(context, batch, rules));
}

/** buildFragments one document at a time, so a caller that uses each at once keeps none of them. */
export function* eachFragment(
  context: readonly SourceDocument[],
  batch: readonly SourceDocument[],
  rules: MergeRules = emptyRules(),
): Generator<[string, DocumentFragment]> {
  const files = new Set(batch.map((s) => s.file));
  const contextFiles = new Set(context.map((s) => s.file));
  const current = [...context.filter((s) => !files.has(s.file)), ...batch.filter((s) => contextFiles.has(s.file))];
  const shared = EtlContext.of(current);
  for (const source of batch) {
    const ctx = contextFiles.has(source.file) ? EtlContext.of(current.filter((s) => s.file !== source.file)) : shared;
    yield [source.file, readAgainstContext(ctx, source, rules)];
  }
}
