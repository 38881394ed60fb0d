import type { ExtractionWarning, GraphEdge, GraphJson, GraphNode, ReadingReport } from '../model/index.ts';

export interface DocumentFragment {
  graph: GraphJson;
  warnings: ExtractionWarning[];
  /** What was read from the document, so that one read as (almost) nothing says so. */
  report?: ReadingReport;
}

/** One pass over the graph, whatever the number of documents wanted. */
export function splitByDocument(graph: GraphJson, files: ReadonlySet<string>): Map<string, DocumentFragment> {
  const out = new Map<string, DocumentFragment>();
  for (const f of files) out.set(f, { graph: { nodes: [], edges: [] }, warnings: [] });
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const own = new Map<string, Set<string>>([...files].map((f) => [f, new Set<string>()]));
  for (const n of graph.nodes) {
    for (const [doc, evidence] of evidenceByDoc(n, files)) {
      out.get(doc)!.graph.nodes.push({ ...n, evidence });
      own.get(doc)!.add(n.id);
    }
  }
  for (const e of graph.edges) {
    for (const [doc, evidence] of evidenceByDoc(e, files)) {
      const frag = out.get(doc)!.graph;
      frag.edges.push({ ...e, evidence });
      // An edge into a node this document does not mention (a catalogue entry) brings the node
      // as the catalogue has it, so the store never receives a dangling edge.
      for (const end of [e.source, e.target]) {
        const node = byId.get(end);
        if (node && !own.get(doc)!.has(end)) {
          frag.nodes.push(node);
          own.get(doc)!.add(end);
        }
      }
    }
  }
  return out;
}

function evidenceByDoc(item: GraphNode | GraphEdge, files: ReadonlySet<string>): Map<string, GraphNode['evidence']> {
  const m = new Map<string, GraphNode['evidence']>();
  for (const ev of item.evidence) {
    if (!files.has(ev.doc)) continue;
    const list = m.get(ev.doc);
    if (list) list.push(ev);
    else m.set(ev.doc, [ev]);
  }
  return m;
}

/**
 * splitByDocument for one document, reusing items whose evidence is all its own. `nodeOf` finds
 * a node of `graph` by id (the caller's index, if it has one).
 */
export function splitOne(graph: GraphJson, file: string, nodeOf?: (id: string) => GraphNode | undefined): DocumentFragment {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const n of graph.nodes) {
    const evidence = evidenceFrom(n.evidence, file);
    if (evidence) nodes.push(evidence === n.evidence ? n : { ...n, evidence });
  }
  let find = nodeOf;
  // Ends already in `nodes` are those with evidence from `file`, and those brought here.
  let brought: Set<string> | null = null;
  const bring = (end: string) => {
    if (!find) {
      const byId = new Map(graph.nodes.map((n) => [n.id, n]));
      find = (id) => byId.get(id);
    }
    const node = find(end);
    if (!node || hasEvidenceFrom(node.evidence, file) || brought?.has(end)) return;
    nodes.push(node);
    (brought ??= new Set()).add(end);
  };
  for (const e of graph.edges) {
    const evidence = evidenceFrom(e.evidence, file);
    if (!evidence) continue;
    edges.push(evidence === e.evidence ? e : { ...e, evidence });
    // Two calls, not a loop over [source, target]: no array per edge.
    bring(e.source);
    bring(e.target);
  }
  return { graph: { nodes, edges }, warnings: [] };
}

function hasEvidenceFrom(evidence: GraphNode['evidence'], file: string): boolean {
  for (const e of evidence) if (e.doc === file) return true;
  return false;
}

/** The evidence from `file`: the list itself when all of it is, null when none is. */
function evidenceFrom(evidence: GraphNode['evidence'], file: string): GraphNode['evidence'] | null {
  let all = true;
  let any = false;
  for (const e of evidence) {
    if (e.doc === file) any = true;
    else all = false;
  }
  if (all) return evidence.length > 0 ? evidence : null;
  return any ? evidence.filter((e) => e.doc === file) : null;
}
