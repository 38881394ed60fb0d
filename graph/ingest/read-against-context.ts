import { readFacts, slot, type DocFacts, type EtlContext, type Slots } from '../etl/etl-context.ts';
import { DEPENDENCY_CAPS } from '../etl/dependencies.ts';
import { ORGANISATION_CAPS } from '../etl/organisations.ts';
import { foldOwnPart } from '../etl/step-parts.ts';
import { buildGraph } from '../etl/build-graph.ts';
import { readTechnologyCatalogue } from '../etl/entities/technology-catalogue.ts';
import { foldEdge, foldNode } from '../etl/fold-slots.ts';
import { GraphAccumulator } from '../etl/merge-fragments.ts';
import { readStructure } from '../etl/parse-document.ts';
import { readingReport } from '../etl/reading-report.ts';
import { readingReports } from '../etl/reading-reports.ts';
import type { SourceDocument } from '../etl/types.ts';
import { sortGraphJson, type GraphEdge, type GraphJson, type GraphNode } from '../model/index.ts';
import { splitByDocument, splitOne, type DocumentFragment } from './split-by-document.ts';
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
  const acc = new GraphAccumulator();
  // Ids the context has too: its items and this document's, in the order the whole ETL adds them.
  const nodes: Slots<GraphNode> = new Map();
  const edges: Slots<GraphEdge> = new Map();
  addOwn(acc, ctx, facts, nodes, edges);
  for (const [id, mine] of nodes) foldNode(acc, ctx.nodes.get(id), mine, file);
  for (const [id, mine] of edges) foldEdge(acc, ctx.edges.get(id), mine, file);
  for (const frag of [facts.structure, facts.responsibility, facts.organisations, facts.dependencies]) for (const w of frag.warnings) acc.addWarning(w);
  const graph = acc.toGraph();
  // Nodes its edges point at that it does not name itself come as the context has them: they
  // carry none of its evidence, so they matter only as ends, and the context's graph has them ready.
  const report = readingReport(s, facts);
  if (rules.merges.length === 0) return { ...splitOne(graph, file, (id) => acc.node(id) ?? ctx.nodeCopy(id)), warnings: acc.warnings, report };
  const out = splitByDocument(applyMergeRules(withContext(ctx, graph), rules), new Set([file])).get(file)!;
  out.warnings.push(...acc.warnings);
  return { ...out, report };
}

/**
 * Items only this document has go to `acc`, each step's in the order the whole ETL adds them;
 * items whose id the context has too go to their slots (one look-up each, as addFacts would
 * place them). Its facts are read for this call only, so the accumulator may keep them.
 */
function addOwn(acc: GraphAccumulator, ctx: EtlContext, f: DocFacts, nodes: Slots<GraphNode>, edges: Slots<GraphEdge>): void {
  const file = f.file;
  for (const frag of [f.structure, f.responsibility]) {
    for (const n of frag.nodes) {
      if (ctx.nodes.has(n.id)) slot(nodes, n.id).early.push([file, n]);
      else acc.adoptNode(n);
    }
    for (const e of frag.edges) {
      if (ctx.edges.has(e.id)) slot(edges, e.id).early.push([file, e]);
      else acc.adoptEdge(e);
    }
  }
  for (const [caps, parts, key] of [[ORGANISATION_CAPS, f.organisations, 'org'], [DEPENDENCY_CAPS, f.dependencies, 'dep']] as const) {
    for (const p of parts.nodes.values()) {
      if (ctx.nodes.has(p.first.id)) slot(nodes, p.first.id)[key].push([file, p]);
      else acc.adoptNode(foldOwnPart(p, caps.node));
    }
    for (const p of parts.edges.values()) {
      if (ctx.edges.has(p.first.id)) slot(edges, p.first.id)[key].push([file, p]);
      else acc.adoptEdge(foldOwnPart(p, caps.edge));
    }
    // The technology step comes between the organisation and dependency steps.
    if (parts !== f.organisations) continue;
    for (const e of f.targets) {
      if (ctx.edges.has(e.id)) slot(edges, e.id).tech.push([file, e]);
      else acc.adoptEdge(e);
    }
  }
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
  const sources = [...ctx.sources.filter((s) => s.file !== source.file), source];
  const result = buildGraph(sources);
  const graph = rules.merges.length > 0 ? applyMergeRules(result.graph, rules) : result.graph;
  const out = splitByDocument(graph, new Set([source.file])).get(source.file)!;
  for (const w of result.warnings) if (w.doc === source.file) out.warnings.push(w);
  // Against the catalogue this reading has (the document may be it), without the others' facts.
  return { ...out, report: readingReports(sources, source.file)[0] };
}
