import { mergeEvidence, sortGraphJson, type ExtractionWarning, type GraphEdge, type GraphJson, type GraphNode } from '../model/index.ts';
import type { GraphFragment } from './types.ts';

/** Collects fragments; the same id is one node or edge: aliases and evidence united, props shallow-merged. */
export class GraphAccumulator {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly warningKeys = new Set<string>();
  readonly warnings: ExtractionWarning[] = [];

  addNode(n: GraphNode): void {
    const old = this.nodes.get(n.id);
    if (!old) {
      this.nodes.set(n.id, { ...n, aliases: uniqueAliases(n.name, n.aliases), props: { ...n.props }, evidence: [...n.evidence] });
      return;
    }
    old.aliases = uniqueAliases(old.name, [...old.aliases, n.name, ...n.aliases]);
    old.props = { ...old.props, ...n.props };
    old.evidence = mergeEvidence(old.evidence, n.evidence);
  }

  addEdge(e: GraphEdge): void {
    const old = this.edges.get(e.id);
    if (!old) {
      this.edges.set(e.id, { ...e, props: { ...e.props }, evidence: [...e.evidence] });
      return;
    }
    old.props = { ...old.props, ...e.props };
    old.evidence = mergeEvidence(old.evidence, e.evidence);
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

  toGraph(): GraphJson {
    return sortGraphJson({ nodes: [...this.nodes.values()], edges: [...this.edges.values()] });
  }
}

function uniqueAliases(name: string, aliases: readonly string[]): string[] {
  return [...new Set(aliases)].filter((a) => a && a !== name).sort();
}
