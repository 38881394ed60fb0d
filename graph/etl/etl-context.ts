import { createHash } from 'node:crypto';
import type { GraphEdge, GraphJson, GraphNode } from '../model/index.ts';
import { foldEdge, foldNode } from './fold-slots.ts';
import { GraphAccumulator } from './merge-fragments.ts';
import { buildResponsibilityFragment } from './responsibility-fragment.ts';
import { dependencyParts } from './dependencies.ts';
import { DocumentUnits } from './responsibility-units.ts';
import { organisationParts } from './organisations.ts';
import { readStructure, type DocumentStructure } from './parse-document.ts';
import type { DocParts, Part } from './step-parts.ts';
import { buildStructureFragment } from './structure-fragment.ts';
import { technologySetOf, type TechnologySet } from './technologies.ts';
import type { GraphFragment, SourceDocument } from './types.ts';

/** What every step reads from one document, before documents are merged by id. */
export interface DocFacts {
  file: string;
  structure: GraphFragment;
  responsibility: GraphFragment;
  organisations: DocParts;
  /** TARGETS of this document's tasks, read against the technology set in force. */
  targets: GraphEdge[];
  dependencies: DocParts;
  /** The units of its rows and clauses, placed once: the reading report counts the same ones. */
  units: DocumentUnits;
}

export function readFacts(s: DocumentStructure, tech: TechnologySet | null): DocFacts {
  const units = new DocumentUnits(s);
  return {
    file: s.parsed.source.file,
    units,
    structure: buildStructureFragment(s),
    responsibility: buildResponsibilityFragment(s, units),
    organisations: organisationParts(s.parsed),
    targets: tech ? tech.targetsOf(s.parsed) : [],
    dependencies: dependencyParts(s.parsed),
  };
}

/**
 * Everything one id receives from a set of documents, per step, with the document it came from
 * ('' for the technology catalogue, which comes before any document's TARGETS). The merged item
 * is the fold of these in the order the whole ETL adds them (see foldSlots).
 */
export interface Slot<T extends GraphNode | GraphEdge> {
  early: (readonly [string, T])[];
  org: (readonly [string, Part<T>])[];
  tech: (readonly [string, T])[];
  dep: (readonly [string, Part<T>])[];
}

export type Slots<T extends GraphNode | GraphEdge> = Map<string, Slot<T>>;

/** The slot for `id`, made on first use. */
export function slot<T extends GraphNode | GraphEdge>(m: Slots<T>, id: string): Slot<T> {
  let s = m.get(id);
  if (!s) {
    s = { early: [], org: [], tech: [], dep: [] };
    m.set(id, s);
  }
  return s;
}

/** Adds one document's facts to the slots (only ids `keep` accepts); documents must come in file order. */
export function addFacts(nodes: Slots<GraphNode>, edges: Slots<GraphEdge>, f: DocFacts, keep?: { nodes: Slots<GraphNode>; edges: Slots<GraphEdge> }): void {
  const n = (id: string) => (!keep || keep.nodes.has(id) ? slot(nodes, id) : null);
  const e = (id: string) => (!keep || keep.edges.has(id) ? slot(edges, id) : null);
  for (const frag of [f.structure, f.responsibility]) {
    for (const x of frag.nodes) n(x.id)?.early.push([f.file, x]);
    for (const x of frag.edges) e(x.id)?.early.push([f.file, x]);
  }
  for (const p of f.organisations.nodes.values()) n(p.first.id)?.org.push([f.file, p]);
  for (const p of f.organisations.edges.values()) e(p.first.id)?.org.push([f.file, p]);
  for (const x of f.targets) e(x.id)?.tech.push([f.file, x]);
  for (const p of f.dependencies.nodes.values()) n(p.first.id)?.dep.push([f.file, p]);
  for (const p of f.dependencies.edges.values()) e(p.first.id)?.dep.push([f.file, p]);
}

/**
 * The catalogue documents (the seeds) read once: their facts by id and the technology set they
 * define. A new document is read against this instead of re-running the ETL over the seeds.
 */
export class EtlContext {
  readonly files: ReadonlySet<string>;
  readonly tech: TechnologySet | null;
  readonly nodes: Slots<GraphNode> = new Map();
  readonly edges: Slots<GraphEdge> = new Map();

  constructor(readonly sources: readonly SourceDocument[]) {
    const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const structures = ordered.map(readStructure);
    this.files = new Set(ordered.map((s) => s.file));
    this.tech = technologySetOf(structures.map((s) => s.parsed));
    for (const t of this.tech?.nodes ?? []) slot(this.nodes, t.id).tech.push(['', t]);
    for (const e of this.tech?.subfields ?? []) slot(this.edges, e.id).tech.push(['', e]);
    for (const s of structures) addFacts(this.nodes, this.edges, readFacts(s, this.tech));
  }

  private whole: GraphJson | null = null;

  /** The context's own graph, as buildGraph gives it: merge rules apply to the whole graph. */
  graph(): GraphJson {
    if (!this.whole) {
      const acc = new GraphAccumulator();
      for (const s of this.nodes.values()) foldNode(acc, s, undefined, '');
      for (const s of this.edges.values()) foldEdge(acc, s, undefined, '');
      this.whole = acc.toGraph();
    }
    return this.whole;
  }

  private byId: Map<string, GraphNode> | null = null;

  /** A copy of the context's node `id` as its own graph has it (what a document's edge into it brings along). */
  nodeCopy(id: string): GraphNode | undefined {
    this.byId ??= new Map(this.graph().nodes.map((n) => [n.id, n]));
    const n = this.byId.get(id);
    return n && { ...n, aliases: [...n.aliases], props: { ...n.props }, evidence: [...n.evidence] };
  }

  private static readonly cache = new Map<string, EtlContext>();

  /** The context for these sources, reused while their content is the same. */
  static of(sources: readonly SourceDocument[]): EtlContext {
    const key = contentKey(sources);
    const hit = EtlContext.cache.get(key);
    if (hit) return hit;
    const ctx = new EtlContext(sources);
    // A few contexts at most: the seeds, and the seeds without one being re-read.
    if (EtlContext.cache.size >= 4) EtlContext.cache.delete(EtlContext.cache.keys().next().value!);
    EtlContext.cache.set(key, ctx);
    return ctx;
  }
}

// A source's text is not changed once read, so its hash is kept with it (ingest may still rename it).
const TEXT_KEYS = new WeakMap<SourceDocument, string>();

function contentKey(sources: readonly SourceDocument[]): string {
  const keys = sources.map((s) => {
    let k = TEXT_KEYS.get(s);
    if (!k) {
      k = createHash('sha1').update(`${JSON.stringify(s.header)}\0${s.lines.join('\n')}`).digest('hex');
      TEXT_KEYS.set(s, k);
    }
    return `${s.file}\0${k}`;
  });
  return keys.sort().join('\0');
}
