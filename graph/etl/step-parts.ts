import type { Evidence, ExtractionWarning, GraphEdge, GraphNode } from '../model/index.ts';
import type { GraphFragment } from './types.ts';

/**
 * What a cross-document step (organisations, dependencies) finds for one id in one document.
 * The step's output over many documents is a fold of these in document order, so a document
 * can be read alone and folded with what the catalogue documents already gave.
 */
export interface Part<T extends GraphNode | GraphEdge> {
  /** The item as first seen in this document: props and entry aliases, no evidence. */
  first: T;
  /** Names the document wrote it as, in order (nodes only). */
  texts: string[];
  /** This document's evidence, without repeats, in order; the cap applies when folding. */
  evidence: Evidence[];
}

export interface DocParts {
  nodes: Map<string, Part<GraphNode>>;
  edges: Map<string, Part<GraphEdge>>;
  warnings: ExtractionWarning[];
}

export interface Caps {
  node: number;
  edge: number;
}

export function emptyParts(): DocParts {
  return { nodes: new Map(), edges: new Map(), warnings: [] };
}

/** The part for `first.id`, made on first sight. */
export function partOf<T extends GraphNode | GraphEdge>(map: Map<string, Part<T>>, id: string, make: () => T): Part<T> {
  let p = map.get(id);
  if (!p) {
    p = { first: make(), texts: [], evidence: [] };
    map.set(id, p);
  }
  return p;
}

/** Adds evidence unless this document already gave the same line and quote; past `cap` no fold can use it. */
export function addPartEvidence(p: Part<GraphNode | GraphEdge>, e: Evidence, cap = Infinity): void {
  if (p.evidence.length >= cap) return;
  for (const x of p.evidence) if (x.line === e.line && x.quote === e.quote) return;
  p.evidence.push(e);
}

/** Records a written name once. */
export function addPartText(p: Part<GraphNode>, text: string): void {
  if (!p.texts.includes(text)) p.texts.push(text);
}

/** The step's item over several documents: first document's item, every name, evidence up to the cap. */
export function foldParts<T extends GraphNode | GraphEdge>(parts: readonly Part<T>[], cap: number): T {
  const first = parts[0]!.first;
  const out = { ...first, evidence: [] as Evidence[] } as T;
  if ('aliases' in first) {
    const aliases = [...first.aliases];
    for (const p of parts) for (const t of p.texts) if (t !== first.name && !aliases.includes(t)) aliases.push(t);
    (out as GraphNode).aliases = aliases;
  }
  for (const p of parts) {
    for (const e of p.evidence) {
      if (out.evidence.length >= cap) break;
      out.evidence.push(e);
    }
  }
  return out;
}

/**
 * foldParts of one document's part alone, made from the part itself: only for parts read for
 * this call, which nothing else holds.
 */
export function foldOwnPart<T extends GraphNode | GraphEdge>(p: Part<T>, cap: number): T {
  const out = p.first;
  if ('aliases' in out) {
    const node = out as GraphNode;
    for (const t of p.texts) if (t !== node.name && !node.aliases.includes(t)) node.aliases.push(t);
  }
  out.evidence = p.evidence.length > cap ? p.evidence.slice(0, cap) : p.evidence;
  return out;
}

/** The step's fragment over documents (in the order given). */
export function foldDocParts(docs: readonly DocParts[], caps: Caps): GraphFragment {
  const nodes = new Map<string, Part<GraphNode>[]>();
  const edges = new Map<string, Part<GraphEdge>[]>();
  const warnings: ExtractionWarning[] = [];
  for (const d of docs) {
    for (const [id, p] of d.nodes) pushTo(nodes, id, p);
    for (const [id, p] of d.edges) pushTo(edges, id, p);
    warnings.push(...d.warnings);
  }
  return {
    nodes: [...nodes.values()].map((ps) => foldParts(ps, caps.node)),
    edges: [...edges.values()].map((ps) => foldParts(ps, caps.edge)),
    warnings,
  };
}

function pushTo<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
