import type { Evidence, GraphEdge, GraphJson, GraphNode } from '../model/index.ts';
import { mergeEvidence } from '../model/index.ts';
import { InvalidInputError } from './errors.ts';

/**
 * What replacing one document's facts changes, decided from plain data so both stores agree.
 * `before` must hold every current node/edge whose evidence cites `doc`, every current item whose
 * id is in the fragment, and the current nodes the fragment's edges point at.
 */
export interface DocumentPlan {
  upsertNodes: GraphNode[];
  upsertEdges: GraphEdge[];
  removeNodes: string[];
  removeEdges: string[];
  nodesAdded: number;
  edgesAdded: number;
}

function uniq(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/**
 * Evidence lists known to be grouped by document in file-name order, as the ETL lists them and as
 * every merge below leaves them. An organisation named by every document holds thousands of
 * pieces of evidence; knowing the order lets a new document find its place by binary search
 * instead of walking the list each time (walking made a long ingest quadratic).
 */
const inDocumentOrder = new WeakSet<readonly Evidence[]>();

function isInDocumentOrder(evidence: readonly Evidence[]): boolean {
  if (inDocumentOrder.has(evidence)) return true;
  for (let i = 1; i < evidence.length; i++) if (evidence[i - 1]!.doc > evidence[i]!.doc) return false;
  inDocumentOrder.add(evidence);
  return true;
}

function ordered(evidence: Evidence[]): Evidence[] {
  inDocumentOrder.add(evidence);
  return evidence;
}

/** Evidence grouped by document in file-name order (stable within one), as the ETL lists it. */
function byDocument(evidence: Evidence[]): Evidence[] {
  return ordered(evidence.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0)));
}

/** First index in an ordered list whose document is not before `doc` (`after`: not at or before). */
function bound(evidence: readonly Evidence[], doc: string, after: boolean): number {
  let lo = 0;
  for (let hi = evidence.length; lo < hi; ) {
    const mid = (lo + hi) >>> 1;
    const d = evidence[mid]!.doc;
    if (d < doc || (after && d === doc)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `evidence` without `doc`'s; the same list when it has none. */
function withoutDocument(evidence: readonly Evidence[], doc: string): readonly Evidence[] {
  if (!isInDocumentOrder(evidence)) return evidence.some((e) => e.doc === doc) ? evidence.filter((e) => e.doc !== doc) : evidence;
  const lo = bound(evidence, doc, false);
  if (lo === evidence.length || evidence[lo]!.doc !== doc) return evidence;
  const hi = bound(evidence, doc, true);
  return ordered([...evidence.slice(0, lo), ...evidence.slice(hi)]);
}

/**
 * byDocument(mergeEvidence(kept, incoming)), without keying and sorting the whole list when it
 * need not: when `kept` is in document order and `incoming` is all from `doc`, the stable sort
 * would just put `incoming` (deduplicated) where `doc` falls.
 */
function mergeDocumentEvidence(kept: readonly Evidence[], incoming: readonly Evidence[], doc: string): Evidence[] {
  if (!isInDocumentOrder(kept) || incoming.some((e) => e.doc !== doc)) return byDocument(mergeEvidence(kept, incoming));
  const lo = bound(kept, doc, false); // kept has none of `doc` itself
  const own = mergeEvidence([], incoming);
  const out = new Array<Evidence>(kept.length + own.length);
  for (let i = 0; i < lo; i++) out[i] = kept[i]!;
  for (let i = 0; i < own.length; i++) out[lo + i] = own[i]!;
  for (let i = lo; i < kept.length; i++) out[own.length + i] = kept[i]!;
  return ordered(out);
}

/**
 * Existing item minus `doc`'s evidence, merged with the fragment's version of it. A merge made
 * earlier in the same write (in `scratch`, never frozen or handed out) is merged into in place:
 * an organisation every document of a batch names is then copied once per batch, not once per document.
 */
function mergeItem<T extends GraphNode | GraphEdge>(old: T | undefined, incoming: T | undefined, doc: string, scratch?: WeakSet<object>): T | null {
  // Most items a new document touches hold none of its evidence yet: no copy for them.
  const kept = old ? withoutDocument(old.evidence, doc) : [];
  if (!incoming) {
    if (!old) return null;
    if (kept.length === old.evidence.length) return old;
    // Facts no other document supports go; facts that never had evidence are left alone.
    return kept.length === 0 && old.evidence.length > 0 ? null : { ...old, evidence: kept as Evidence[] };
  }
  // Only this document supported it: take the new version whole (props may have changed).
  if (!old || kept.length === 0) return incoming;
  if (scratch?.has(old) && kept === old.evidence && !Object.isFrozen(old) && mergeInPlace(old, incoming, doc)) return old;
  const merged = { ...old, props: { ...old.props, ...incoming.props }, evidence: mergeDocumentEvidence(kept, incoming.evidence, doc) };
  if ('aliases' in merged && 'aliases' in incoming) {
    (merged as GraphNode).aliases = uniq([...(merged as GraphNode).aliases, ...incoming.aliases]).filter((a) => a !== merged.name);
  }
  scratch?.add(merged);
  return merged;
}

/** The in-place form of the merge above, for an ordered list that holds none of `doc`'s evidence; false if it cannot be. */
function mergeInPlace(old: GraphNode | GraphEdge, incoming: GraphNode | GraphEdge, doc: string): boolean {
  if (!isInDocumentOrder(old.evidence) || incoming.evidence.some((e) => e.doc !== doc)) return false;
  old.evidence.splice(bound(old.evidence, doc, false), 0, ...mergeEvidence([], incoming.evidence));
  Object.assign(old.props, incoming.props);
  if ('aliases' in old && 'aliases' in incoming) old.aliases = uniq([...old.aliases, ...incoming.aliases]).filter((a) => a !== old.name);
  return true;
}

/**
 * `scratch`: the caller's set of merges it may change in place (see mergeItem); the caller makes a
 * new one whenever what it holds must stay as it is (a commit, a read of the graph).
 */
export function planDocumentReplace(doc: string, before: GraphJson, fragment: GraphJson, scratch?: WeakSet<object>): DocumentPlan {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(before.edges.map((e) => [e.id, e]));
  const newNodes = new Map<string, GraphNode>();
  for (const n of fragment.nodes) {
    const prev = newNodes.get(n.id);
    newNodes.set(n.id, prev ? { ...prev, aliases: uniq([...prev.aliases, ...n.aliases]), props: { ...prev.props, ...n.props }, evidence: mergeEvidence(prev.evidence, n.evidence) } : n);
  }
  const newEdges = new Map<string, GraphEdge>();
  for (const e of fragment.edges) {
    const prev = newEdges.get(e.id);
    newEdges.set(e.id, prev ? { ...prev, props: { ...prev.props, ...e.props }, evidence: mergeEvidence(prev.evidence, e.evidence) } : e);
  }
  const plan: DocumentPlan = { upsertNodes: [], upsertEdges: [], removeNodes: [], removeEdges: [], nodesAdded: 0, edgesAdded: 0 };
  for (const id of new Set([...oldNodes.keys(), ...newNodes.keys()])) {
    const old = oldNodes.get(id);
    const next = mergeItem(old, newNodes.get(id), doc, scratch);
    if (!next) plan.removeNodes.push(id);
    else if (next !== old) plan.upsertNodes.push(next);
    if (!old && next) plan.nodesAdded++;
  }
  const removed = new Set(plan.removeNodes);
  for (const id of new Set([...oldEdges.keys(), ...newEdges.keys()])) {
    const old = oldEdges.get(id);
    const next = mergeItem(old, newEdges.get(id), doc, scratch);
    if (next && (removed.has(next.source) || removed.has(next.target))) {
      if (newEdges.has(id)) throw new InvalidInputError(`edge ${id} points at a node the document no longer supports`, 'edges');
      plan.removeEdges.push(id);
    } else if (!next) plan.removeEdges.push(id);
    else if (next !== old) plan.upsertEdges.push(next);
    if (!old && next) plan.edgesAdded++;
  }
  for (const e of newEdges.values()) {
    for (const end of [e.source, e.target]) {
      if (!newNodes.has(end) && !oldNodes.has(end)) throw new InvalidInputError(`edge ${e.id} points at unknown node ${end}`, 'edges');
    }
  }
  return plan;
}
