import { type Evidence, type ExtractionWarning, type GraphEdge, type GraphJson, type GraphNode } from '../model/index.ts';
import { sortStrings } from './sort-strings.ts';
import type { GraphFragment } from './types.ts';

/** Past this many pieces of evidence an item keeps a key set; below it a scan is cheaper than keys. */
const SCAN_LIMIT = 12;

/** Collects fragments; the same id is one node or edge: aliases and evidence united, props shallow-merged. */
export class GraphAccumulator {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  /** Warnings seen, by document and line, so each merge costs only what it adds. */
  private readonly warningsAt = new Map<string, Map<number, ExtractionWarning[]>>();
  /** Evidence keys held per node / edge once it has many (was quadratic). */
  private readonly evidenceSets = new Map<Evidence[], EvidenceSet>();
  /**
   * Evidence lists this accumulator made: any other (an adopted item's, possibly shared with
   * another item) is copied before it grows. Adopting is the common case, so it records nothing.
   */
  private readonly owned = new Set<Evidence[]>();
  readonly warnings: ExtractionWarning[] = [];

  /** addNode for an item no one else will change: kept instead of copied (most items are seen once). */
  adoptNode(n: GraphNode): void {
    if (this.nodes.has(n.id) || hasRepeats(n.evidence)) return this.addNode(n);
    // One alias (most items): the adopted list is already the answer.
    const one = n.aliases.length === 1 && n.aliases[0] && n.aliases[0] !== n.name;
    if (!one) n.aliases = uniqueAliases(n.name, n.aliases);
    this.nodes.set(n.id, n);
  }

  adoptEdge(e: GraphEdge): void {
    if (this.edges.has(e.id) || hasRepeats(e.evidence)) return this.addEdge(e);
    this.edges.set(e.id, e);
  }

  addNode(n: GraphNode): void {
    const old = this.nodes.get(n.id);
    if (!old) {
      const evidence = this.ownList();
      this.appendEvidence(evidence, n.evidence);
      this.nodes.set(n.id, { ...n, aliases: uniqueAliases(n.name, n.aliases), props: { ...n.props }, evidence });
      return;
    }
    if (n.name !== old.name || n.aliases.some((a) => !old.aliases.includes(a))) {
      old.aliases = uniqueAliases(old.name, [...old.aliases, n.name, ...n.aliases]);
    }
    Object.assign(old.props, n.props); // our own copy, made on first sight: no new object per merge
    if (!this.owned.has(old.evidence)) old.evidence = this.ownList(old.evidence);
    this.appendEvidence(old.evidence, n.evidence);
  }

  addEdge(e: GraphEdge): void {
    const old = this.edges.get(e.id);
    if (!old) {
      const evidence = this.ownList();
      this.appendEvidence(evidence, e.evidence);
      this.edges.set(e.id, { ...e, props: { ...e.props }, evidence });
      return;
    }
    Object.assign(old.props, e.props);
    if (!this.owned.has(old.evidence)) old.evidence = this.ownList(old.evidence);
    this.appendEvidence(old.evidence, e.evidence);
  }

  addWarning(w: ExtractionWarning): void {
    let byLine = this.warningsAt.get(w.doc);
    if (!byLine) this.warningsAt.set(w.doc, (byLine = new Map()));
    let list = byLine.get(w.line);
    if (!list) byLine.set(w.line, (list = []));
    const text = w.text ?? '';
    if (list.some((x) => x.kind === w.kind && (x.text ?? '') === text && x.message === w.message)) return;
    list.push(w);
    this.warnings.push(w);
  }

  /** addFragment for a fragment made for this accumulator alone: its items are kept, not copied. */
  adoptFragment(f: GraphFragment): void {
    for (const n of f.nodes) this.adoptNode(n);
    for (const e of f.edges) this.adoptEdge(e);
    for (const w of f.warnings) this.addWarning(w);
  }

  addFragment(f: GraphFragment): void {
    for (const n of f.nodes) this.addNode(n);
    for (const e of f.edges) this.addEdge(e);
    for (const w of f.warnings) this.addWarning(w);
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** Sorted by id, as sortGraphJson sorts: ids are unique here, so sorting the ids alone is enough (and cheaper). */
  toGraph(): GraphJson {
    return { nodes: byIdOrder(this.nodes), edges: byIdOrder(this.edges) };
  }

  private ownList(from: readonly Evidence[] = []): Evidence[] {
    const list = [...from];
    this.owned.add(list);
    return list;
  }

  /** Pushes the evidence not yet held onto `target` (first-seen order, as mergeEvidence does). */
  private appendEvidence(target: Evidence[], incoming: readonly Evidence[]): void {
    let seen = this.evidenceSets.get(target);
    for (const e of incoming) {
      if (!seen && target.length < SCAN_LIMIT) {
        if (!target.some((x) => x.line === e.line && x.quote === e.quote && x.doc === e.doc)) target.push(e);
        continue;
      }
      if (!seen) {
        seen = new EvidenceSet();
        for (const x of target) seen.add(x);
        this.evidenceSets.set(target, seen);
      }
      if (seen.add(e)) target.push(e);
    }
  }
}

/**
 * Evidence held, by document, line and quote: the same test as the scan (all three equal), with
 * no key string made per piece of evidence (a context agency's long list is re-merged per document).
 */
class EvidenceSet {
  private readonly byDoc = new Map<string, Map<number, string[]>>();

  /** Adds `e`; false when it was held already. */
  add(e: Evidence): boolean {
    let byLine = this.byDoc.get(e.doc);
    if (!byLine) this.byDoc.set(e.doc, (byLine = new Map()));
    const quotes = byLine.get(e.line);
    if (!quotes) {
      byLine.set(e.line, [e.quote]);
      return true;
    }
    if (quotes.includes(e.quote)) return false;
    quotes.push(e.quote);
    return true;
  }
}

function byIdOrder<T>(items: Map<string, T>): T[] {
  const ids = sortStrings([...items.keys()]);
  const out = new Array<T>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = items.get(ids[i]!)!;
  return out;
}

function hasRepeats(evidence: readonly Evidence[]): boolean {
  if (evidence.length > SCAN_LIMIT) return true; // let the merging path dedupe long lists
  for (let i = 1; i < evidence.length; i++) {
    const e = evidence[i]!;
    for (let j = 0; j < i; j++) {
      const x = evidence[j]!;
      if (x.line === e.line && x.quote === e.quote && x.doc === e.doc) return true;
    }
  }
  return false;
}

function uniqueAliases(name: string, aliases: readonly string[]): string[] {
  if (aliases.length === 0) return [];
  if (aliases.length > 8) return [...new Set(aliases)].filter((a) => a && a !== name).sort();
  // Short lists (nearly all): no Set, same result.
  const out: string[] = [];
  for (const a of aliases) if (a && a !== name && !out.includes(a)) out.push(a);
  return out.length > 1 ? out.sort() : out;
}
