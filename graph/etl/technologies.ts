import { edgeId, nodeId, type Evidence, type GraphEdge, type GraphNode } from '../model/index.ts';
import { readTechnologyCatalogue, type CatalogueEntry, type TechnologyCatalogue } from './entities/technology-catalogue.ts';
import { compileTerms, type TermMatcher } from './entities/term-matcher.ts';
import { groupHeadingOf, indexTasks, isResponsibilityLine } from './entities/task-index.ts';
import { NOT_TECHNOLOGY_TERMS, TECHNOLOGY_TERMS } from './glossary/technology-terms.ts';
import type { GraphFragment, ParsedDocument, TaskSpan } from './types.ts';

const EDGE_EVIDENCE_CAP = 10;

/**
 * Technology nodes (the ten domains and 48 numbered areas of the S&T plan, SUBFIELD_OF),
 * the term lexicon that maps wording in any document onto them, and Task TARGETS Technology.
 * Without a document that lists the domains there is no catalogue, hence no technologies.
 */
export function extractTechnologies(docs: readonly ParsedDocument[]): GraphFragment {
  const set = technologySetOf(docs);
  if (!set) return { nodes: [], edges: [], warnings: [] };
  const edges = [...set.subfields];
  for (const doc of docs) edges.push(...set.targetsOf(doc));
  return { nodes: set.nodes, edges, warnings: [] };
}

/** The catalogue in force (the first document that lists the domains) and how to read any document against it. */
export interface TechnologySet {
  catalogue: TechnologyCatalogue;
  nodes: GraphNode[];
  subfields: GraphEdge[];
  /** TARGETS edges of one document's tasks. */
  targetsOf(doc: ParsedDocument): GraphEdge[];
}

export function technologySetOf(docs: readonly ParsedDocument[]): TechnologySet | null {
  const catalogue = findCatalogue(docs);
  if (!catalogue) return null;
  const entries = new Map([...catalogue.domains, ...catalogue.areas].map((e) => [e.name, e]));
  const nodes = [...entries.values()].map(toNode);
  const subfields: GraphEdge[] = catalogue.areas.map((a) => {
    const source = technologyId(a.name);
    const target = technologyId(a.domain ?? '');
    return { id: edgeId('SUBFIELD_OF', source, target), type: 'SUBFIELD_OF', source, target, props: {}, evidence: [a.evidence] };
  });
  const matcher = buildMatcher(entries);
  // The sentence announcing all ten domains is about none of them in particular.
  const targetsOf = (doc: ParsedDocument) => targetEdges(doc, matcher, doc.source.file === catalogue.doc ? catalogue.listLine : -1);
  return { catalogue, nodes, subfields, targetsOf };
}

export function technologyId(name: string): string {
  return nodeId('Technology', name);
}

function findCatalogue(docs: readonly ParsedDocument[]): TechnologyCatalogue | null {
  for (const d of docs) {
    const c = readTechnologyCatalogue(d.source);
    if (c) return c;
  }
  return null;
}

// 云计算技术 is written 云计算, 下一代基因测序技术及应用 as 下一代基因测序.
const NAME_TAIL = /(?:关键技术|利用技术|技术及应用|技术及装备|技术)$/;

function shortName(name: string): string | null {
  const short = name.replace(NAME_TAIL, '');
  return short !== name && short.length >= 3 ? short : null;
}

function toNode(e: CatalogueEntry): GraphNode {
  const short = shortName(e.name);
  return {
    id: technologyId(e.name),
    type: 'Technology',
    name: e.name,
    aliases: short ? [short] : [],
    props: { kind: e.kind, no: e.no },
    evidence: [e.evidence],
  };
}

// The matcher depends only on the catalogue's names; compiling its regex is costly, so keep the last few.
const MATCHERS = new Map<string, TermMatcher<string | null>>();

function buildMatcher(entries: Map<string, CatalogueEntry>): TermMatcher<string | null> {
  const key = [...entries.keys()].join('\n');
  let m = MATCHERS.get(key);
  if (!m) {
    m = compileMatcher(entries);
    if (MATCHERS.size >= 4) MATCHERS.delete(MATCHERS.keys().next().value!);
    MATCHERS.set(key, m);
  }
  return m;
}

function compileMatcher(entries: Map<string, CatalogueEntry>): TermMatcher<string | null> {
  const pairs: (readonly [string, string | null])[] = NOT_TECHNOLOGY_TERMS.map((t) => [t, null] as const);
  for (const name of entries.keys()) {
    pairs.push([name, name]);
    const short = shortName(name);
    if (short) pairs.push([short, name]);
  }
  // Lexicon terms whose technology this catalogue does not name are left out.
  for (const [term, tech] of TECHNOLOGY_TERMS) if (entries.has(tech)) pairs.push([term, tech]);
  return compileTerms(pairs);
}

/** Matches per task; a task owns a match when it is the innermost task at that place. */
function targetEdges(doc: ParsedDocument, matcher: TermMatcher<string | null>, skipLine: number): GraphEdge[] {
  const index = indexTasks(doc);
  const found = new Map<TaskSpan, Map<string, Evidence[]>>();
  // Maps and lists are made on first sight only: most hits repeat a task and technology.
  const add = (task: TaskSpan, tech: string, line: number, quote: string) => {
    let byTech = found.get(task);
    if (!byTech) found.set(task, (byTech = new Map()));
    let list = byTech.get(tech);
    if (!list) byTech.set(tech, (list = []));
    if (list.length >= EDGE_EVIDENCE_CAP) return;
    for (const x of list) if (x.line === line && x.quote === quote) return;
    list.push({ doc: doc.source.file, line, quote });
  };
  // Lines are dense small numbers: a byte per line instead of a set.
  const seenLines = new Uint8Array(doc.source.lines.length + 2);
  // Rows of one group share its heading: read each heading once.
  const groupHits = new Map<number, ReturnType<typeof matcher.find>>();
  for (const task of doc.tasks) {
    for (const line of task.lines) {
      if (seenLines[line] === 1 || line === skipLine) continue;
      seenLines[line] = 1;
      const text = doc.source.lines[line - 1] ?? '';
      for (const hit of matcher.find(text)) {
        if (hit.value === null) continue;
        const owner = index.taskAt(line, hit.index);
        if (!owner || isResponsibilityLine(doc, owner, line)) continue;
        add(owner, hit.value, line, hit.term);
      }
    }
    // A table row is also about its group: rows under （十二）生物产业项目建设 are biotech.
    const group = task.kind === 'tableRow' ? groupHeadingOf(doc, task) : null;
    if (group) {
      let hits = groupHits.get(group.line);
      if (!hits) groupHits.set(group.line, (hits = matcher.find(group.text)));
      for (const hit of hits) {
        if (hit.value !== null) add(task, hit.value, group.line, hit.term);
      }
    }
  }
  const edges: GraphEdge[] = [];
  for (const [task, byTech] of found) {
    for (const [tech, evidence] of byTech) {
      const target = technologyId(tech);
      edges.push({ id: edgeId('TARGETS', task.taskId, target), type: 'TARGETS', source: task.taskId, target, props: {}, evidence });
    }
  }
  return edges;
}
