import { addFacts, readFacts, type EtlContext, type Slots } from '../etl/etl-context.ts';
import { buildGraph } from '../etl/build-graph.ts';
import { readTechnologyCatalogue } from '../etl/entities/technology-catalogue.ts';
import { foldEdge, foldNode } from '../etl/fold-slots.ts';
import { GraphAccumulator } from '../etl/merge-fragments.ts';
import { readStructure } from '../etl/parse-document.ts';
import type { SourceDocument } from '../etl/types.ts';
import { sortGraphJson, type GraphEdge, type GraphJson, type GraphNode } from '../model/index.ts';
import { splitByDocument, type DocumentFragment } from './split-by-document.ts';
import { applyMergeRules, type MergeRules } from './merge-rules.ts';

/**
 * One document's fragment: exactly what the whole ETL over the context's documents plus this one
 * would give it, but only the ids this document touches are merged (the context's facts are read once).
 */
export function readAgainstContext(ctx: EtlContext, source: SourceDocument, rules: MergeRules): DocumentFragment {
  const file = source.file;
  const s = readStructure(source);
  // A document listing the technology domains ahead of the catalogue's would become the catalogue.
  const catalogueDoc = ctx.tech?.catalogue.doc;
  if ((catalogueDoc === undefined || file < catalogueDoc) && readTechnologyCatalogue(source)) return readWhole(ctx, source, rules);

  const facts = readFacts(s, ctx.tech);
  const nodes: Slots<GraphNode> = new Map();
  const edges: Slots<GraphEdge> = new Map();
  addFacts(nodes, edges, facts);
  const acc = new GraphAccumulator();
  for (const [id, mine] of nodes) foldNode(acc, ctx.nodes.get(id), mine, file);
  for (const [id, mine] of edges) foldEdge(acc, ctx.edges.get(id), mine, file);
  for (const frag of [facts.structure, facts.responsibility, facts.organisations, facts.dependencies]) for (const w of frag.warnings) acc.addWarning(w);
  // Nodes its edges point at that it does not name itself, as the context has them.
  for (const { source: a, target: b } of acc.edgeValues()) {
    for (const end of [a, b]) if (!acc.hasNode(end) && ctx.nodes.has(end)) foldNode(acc, ctx.nodes.get(end), undefined, file);
  }
  let graph: GraphJson = acc.toGraph();
  if (rules.merges.length > 0) graph = applyMergeRules(withContext(ctx, graph), rules);
  const out = splitByDocument(graph, new Set([file])).get(file)!;
  out.warnings.push(...acc.warnings);
  return out;
}

/** The context's whole graph with this document's items in place of the context's own: what merge rules must see. */
function withContext(ctx: EtlContext, mine: GraphJson): GraphJson {
  const all = ctx.graph();
  const nodes = new Map(all.nodes.map((n) => [n.id, n]));
  const edges = new Map(all.edges.map((e) => [e.id, e]));
  for (const n of mine.nodes) nodes.set(n.id, n);
  for (const e of mine.edges) edges.set(e.id, e);
  return sortGraphJson({ nodes: [...nodes.values()], edges: [...edges.values()] });
}

/** The whole ETL over the context and the document: the rare case the fast reading cannot take. */
export function readWhole(ctx: { sources: readonly SourceDocument[] }, source: SourceDocument, rules: MergeRules): DocumentFragment {
  const result = buildGraph([...ctx.sources.filter((s) => s.file !== source.file), source]);
  const graph = rules.merges.length > 0 ? applyMergeRules(result.graph, rules) : result.graph;
  const out = splitByDocument(graph, new Set([source.file])).get(source.file)!;
  for (const w of result.warnings) if (w.doc === source.file) out.warnings.push(w);
  return out;
}
