import { evidenceKey, sortGraphJson, type Evidence, type ExtractionWarning, type GraphEdge, type GraphJson, type GraphNode } from '../model/index.ts';
import type { GraphFragment } from './types.ts';

/** Collects fragments; the same id is one node or edge: aliases and evidence united, props shallow-merged. */
export class GraphAccumulator {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly warningKeys = new Set<string>();
  /** Evidence keys already held per node / edge, so each merge costs only what it adds (was quadratic). */
  private readonly nodeEvidence = new Map<string, Set<string>>();
  private readonly edgeEvidence = new Map<string, Set<string>>();
  readonly warnings: ExtractionWarning[] = [];

  addNode(n: GraphNode): void {
    const old = this.nodes.get(n.id);
    if (!old) {
      const evidence: Evidence[] = [];
      this.nodeEvidence.set(n.id, appendEvidence(evidence, new Set(), n.evidence));
      this.nodes.set(n.id, { ...n, aliases: uniqueAliases(n.name, n.aliases), props: { ...n.props }, evidence });
      return;
    }
    if (n.name !== old.name || n.aliases.some((a) => !old.aliases.includes(a))) {
      old.aliases = uniqueAliases(old.name, [...old.aliases, n.name, ...n.aliases]);
    }
    Object.assign(old.props, n.props); // our own copy, made on first sight: no new object per merge
    appendEvidence(old.evidence, this.nodeEvidence.get(n.id)!, n.evidence);
  }

  addEdge(e: GraphEdge): void {
    const old = this.edges.get(e.id);
    if (!old) {
      const evidence: Evidence[] = [];
      this.edgeEvidence.set(e.id, appendEvidence(evidence, new Set(), e.evidence));
      this.edges.set(e.id, { ...e, props: { ...e.props }, evidence });
      return;
    }
    Object.assign(old.props, e.props);
    appendEvidence(old.evidence, this.edgeEvidence.get(e.id)!, e.evidence);
  }

  addWarning(w: ExtractionWarning): void {
    const key = `${w.doc}:${w.line}:${w.kind}:${w.text ?? ''}:${w.message}`;
    if (this.warningKeys.has(key)) return;
    this.warningKeys.add(key);
    this.warnings.push(w);
  }

  addFragment(f: GraphFragment): void {
    for (const n of f.nodes) this.addNode(n);
    for (const e of f.edges) this.addEdge(e);
    for (const w of f.warnings) this.addWarning(w);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  edgeValues(): GraphEdge[] {
    return [...this.edges.values()];
  }

  toGraph(): GraphJson {
    return sortGraphJson({ nodes: [...this.nodes.values()], edges: [...this.edges.values()] });
  }
}

/** Pushes the evidence not yet seen onto `target` (first-seen order, as mergeEvidence does); returns `seen`. */
function appendEvidence(target: Evidence[], seen: Set<string>, incoming: readonly Evidence[]): Set<string> {
  for (const e of incoming) {
    const k = evidenceKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    target.push(e);
  }
  return seen;
}

function uniqueAliases(name: string, aliases: readonly string[]): string[] {
  return [...new Set(aliases)].filter((a) => a && a !== name).sort();
}
