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
  const files = new Set(batch.map((s) => s.file));
  const contextFiles = new Set(context.map((s) => s.file));
  const current = [...context.filter((s) => !files.has(s.file)), ...batch.filter((s) => contextFiles.has(s.file))];
  const out = new Map<string, DocumentFragment>();
  const shared = EtlContext.of(current);
  for (const source of batch) {
    const ctx = contextFiles.has(source.file) ? EtlContext.of(current.filter((s) => s.file !== source.file)) : shared;
    out.set(source.file, readAgainstContext(ctx, source, rules));
  }
  return out;
}
