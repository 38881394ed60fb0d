import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { edgeId, mergeEvidence, NodeTypeSchema, type GraphEdge, type GraphJson, type GraphNode, type NodeType } from '../model/index.ts';
import { Commit } from '../store/data-dir/commit.ts';
import { parseJsonFile } from './library-io.ts';

const MergeSchema = z.object({
  alias: z.string().min(1),
  canonical: z.string().min(1),
  canonicalName: z.string().min(1),
  canonicalType: NodeTypeSchema,
  at: z.string(),
});
const RejectionSchema = z.object({ a: z.string().min(1), b: z.string().min(1), at: z.string() });
export const MergeRulesSchema = z.object({
  version: z.literal(1),
  merges: z.array(MergeSchema),
  rejections: z.array(RejectionSchema),
});
export type MergeRules = z.infer<typeof MergeRulesSchema>;
export type MergeRule = z.infer<typeof MergeSchema>;

export const MERGE_RULES_FILE = 'merge-rules.json';

export function emptyRules(): MergeRules {
  return { version: 1, merges: [], rejections: [] };
}

/**
 * The user's decisions, kept apart from the graph: the ETL output is rebuilt from the sources on
 * every ingest, and these rules are applied to it again, so a decision is made only once.
 */
export async function loadMergeRules(dataDir: string): Promise<MergeRules> {
  const path = join(dataDir, MERGE_RULES_FILE);
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? emptyRules() : parseJsonFile(path, text, MergeRulesSchema, 'a merge-rules file');
}

/**
 * Writes the rules: into `write`'s next commit when given (a merge's rules and the facts it
 * re-read go to disk together, or neither), else in a commit of their own.
 */
export async function saveMergeRules(dataDir: string, rules: MergeRules, write?: { stageFile(rel: string, text: string): void }): Promise<void> {
  const text = JSON.stringify(rules, null, 2) + '\n';
  if (write) return write.stageFile(MERGE_RULES_FILE, text);
  const tx = new Commit(dataDir);
  await tx.stage(MERGE_RULES_FILE, text);
  await tx.commit();
}

export interface NodeRef {
  id: string;
  name: string;
  type: NodeType;
}

/** Follows merges to the final canonical id (rules never form cycles; see confirmMerge). */
export function resolveId(rules: MergeRules, id: string): string {
  const map = new Map(rules.merges.map((m) => [m.alias, m.canonical]));
  let cur = id;
  for (let i = 0; i < rules.merges.length && map.has(cur); i++) cur = map.get(cur)!;
  return cur;
}

export function confirmMerge(rules: MergeRules, alias: NodeRef, canonical: NodeRef, at = new Date().toISOString()): MergeRules {
  const target = resolveId(rules, canonical.id);
  if (resolveId(rules, alias.id) === target || alias.id === canonical.id) throw new Error(`${alias.id} and ${canonical.id} are already one node`);
  const rule: MergeRule = { alias: alias.id, canonical: canonical.id, canonicalName: canonical.name, canonicalType: canonical.type, at };
  return {
    ...rules,
    // Earlier merges into the alias now end at the new canonical node.
    merges: [...rules.merges.filter((m) => m.alias !== alias.id).map((m) => (m.canonical === alias.id ? { ...m, canonical: canonical.id, canonicalName: canonical.name, canonicalType: canonical.type } : m)), rule],
    rejections: rules.rejections.filter((r) => !samePair(r, alias.id, canonical.id)),
  };
}

export function rejectPair(rules: MergeRules, a: string, b: string, at = new Date().toISOString()): MergeRules {
  if (isRejected(rules, a, b)) return rules;
  return { ...rules, rejections: [...rules.rejections, { a, b, at }] };
}

export function isRejected(rules: MergeRules, a: string, b: string): boolean {
  return rules.rejections.some((r) => samePair(r, a, b));
}

function samePair(r: { a: string; b: string }, a: string, b: string): boolean {
  return (r.a === a && r.b === b) || (r.a === b && r.b === a);
}

/** The graph with every alias node folded into its canonical node and edges rewired. */
export function applyMergeRules(graph: GraphJson, rules: MergeRules): GraphJson {
  if (rules.merges.length === 0) return graph;
  const finalRule = new Map<string, MergeRule>();
  for (const m of rules.merges) {
    const end = resolveId(rules, m.alias);
    const last = rules.merges.find((r) => r.canonical === end) ?? m;
    finalRule.set(m.alias, { ...m, canonical: end, canonicalName: last.canonicalName, canonicalType: last.canonicalType });
  }
  const nodes = new Map<string, GraphNode>();
  for (const n of graph.nodes) if (!finalRule.has(n.id)) nodes.set(n.id, n);
  for (const n of graph.nodes) {
    const rule = finalRule.get(n.id);
    if (!rule) continue;
    const base = nodes.get(rule.canonical) ?? { id: rule.canonical, type: rule.canonicalType, name: rule.canonicalName, aliases: [], props: {}, evidence: [] };
    const aliases = [...new Set([...base.aliases, n.name, ...n.aliases])].filter((a) => a !== base.name);
    nodes.set(rule.canonical, { ...base, aliases, props: { ...n.props, ...base.props }, evidence: mergeEvidence(base.evidence, n.evidence) });
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges) {
    const source = finalRule.get(e.source)?.canonical ?? e.source;
    const target = finalRule.get(e.target)?.canonical ?? e.target;
    if (source === target && source !== e.source) continue; // a relation between two names of one organisation
    const id = source === e.source && target === e.target ? e.id : edgeId(e.type, source, target);
    const prev = edges.get(id);
    edges.set(id, prev ? { ...prev, props: { ...e.props, ...prev.props }, evidence: mergeEvidence(prev.evidence, e.evidence) } : { ...e, id, source, target });
  }
  return { nodes: [...nodes.values()].sort(byId), edges: [...edges.values()].sort(byId) };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
