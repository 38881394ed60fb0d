import { buildGraph } from '../etl/build-graph.ts';
import type { SourceDocument } from '../etl/types.ts';
import type { ExtractionWarning, GraphEdge, GraphJson, GraphNode } from '../model/index.ts';
import { applyMergeRules, type MergeRules } from './merge-rules.ts';

export interface DocumentFragment {
  graph: GraphJson;
  warnings: ExtractionWarning[];
}

/**
 * Each document's own facts. The ETL reads a document against the catalogues in the seeds
 * (organisations, the 004 technology list), so the batch is built together with `context`;
 * a document's fragment is then every node and edge with evidence from it, with only that evidence.
 */
export function buildFragments(
  context: readonly SourceDocument[],
  batch: readonly SourceDocument[],
  rules?: MergeRules,
): Map<string, DocumentFragment> {
  const files = new Set(batch.map((s) => s.file));
  const sources = [...context.filter((s) => !files.has(s.file)), ...batch];
  const result = buildGraph(sources);
  const graph = rules ? applyMergeRules(result.graph, rules) : result.graph;
  const out = splitByDocument(graph, files);
  for (const w of result.warnings) out.get(w.doc)?.warnings.push(w);
  return out;
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
