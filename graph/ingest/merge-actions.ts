import type { GraphStore } from '../store/types.ts';
import type { Change } from './ingest.ts';
import type { SourceLibrary } from './library.ts';
import { findMergeCandidates, type MergeCandidate } from './merge-candidates.ts';
import { confirmMerge, loadMergeRules, rejectPair, saveMergeRules, type MergeRule } from './merge-rules.ts';
import { reapplyDocuments } from './reapply.ts';

export interface MergeContext {
  store: GraphStore;
  library: SourceLibrary;
  dataDir: string;
  /** The data dir write this runs in: the rule is committed with the facts it changes. */
  write?: { stageFile(rel: string, text: string): void };
}

export async function listMergeCandidates(ctx: Pick<MergeContext, 'store' | 'dataDir'>, limit = 100): Promise<MergeCandidate[]> {
  return findMergeCandidates(await ctx.store.exportGraph(), await loadMergeRules(ctx.dataDir), limit);
}

/**
 * Records "alias is canonical" and re-reads every document that supports the alias, so the
 * store matches what a fresh ingest with the rule gives. Unknown ids are a NotFoundError.
 */
export async function confirmMergeAction(ctx: MergeContext, aliasId: string, canonicalId: string): Promise<{ rule: MergeRule; change: Change; documents: string[] }> {
  const [alias, canonical] = [await ctx.store.getNode(aliasId), await ctx.store.getNode(canonicalId)];
  const rules = confirmMerge(await loadMergeRules(ctx.dataDir), alias, canonical);
  await saveMergeRules(ctx.dataDir, rules, ctx.write);
  const graph = await ctx.store.exportGraph();
  const docs = new Set(alias.evidence.map((e) => e.doc));
  for (const e of graph.edges) if (e.source === aliasId || e.target === aliasId) for (const v of e.evidence) docs.add(v.doc);
  const documents = [...docs].sort();
  const change = await reapplyDocuments(documents, ctx.store, ctx.library, rules);
  return { rule: rules.merges.at(-1)!, change, documents };
}

export async function rejectMergeAction(dataDir: string, a: string, b: string): Promise<void> {
  await saveMergeRules(dataDir, rejectPair(await loadMergeRules(dataDir), a, b));
}
