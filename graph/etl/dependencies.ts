import { edgeId, nodeId, type Evidence, type GraphEdge, type GraphNode } from '../model/index.ts';
import { readReliances, type NamedParty } from './entities/dependency-reader.ts';
import { indexTasks } from './entities/task-index.ts';
import { addPartEvidence, addPartText, emptyParts, foldDocParts, partOf, type Caps, type DocParts } from './step-parts.ts';
import type { GraphFragment, ParsedDocument } from './types.ts';

export const DEPENDENCY_CAPS: Caps = { node: Infinity, edge: Infinity };

/**
 * 依托X组建/建设Y → Y DEPENDS_ON X, with the phrase as evidence. X may be a list (one edge
 * each). When no named thing is built (依托X，推进…建设), the task that says so depends on X.
 * 依托 something unnamed (高校、科研机构, 区位优势) yields a warning, not a node.
 */
export function extractDependencies(docs: readonly ParsedDocument[]): GraphFragment {
  return foldDocParts(docs.map(dependencyParts), DEPENDENCY_CAPS);
}

/** One document's dependencies, before documents are folded together. */
export function dependencyParts(doc: ParsedDocument): DocParts {
  const out = emptyParts();
  const file = doc.source.file;
  let tasks: ReturnType<typeof indexTasks> | null = null;
  doc.source.lines.forEach((text, i) => {
    if (!text.includes('依托')) return;
    const line = i + 1;
    tasks ??= indexTasks(doc);
    for (const r of readReliances(text)) {
      const quote = text.slice(r.index, r.end);
      if (r.generic) {
        out.warnings.push({ doc: file, line, kind: 'unparsed-line', message: '依托 names no specific organisation; no dependency recorded', text: quote });
        continue;
      }
      const evidence: Evidence = { doc: file, line, quote };
      const task = tasks.taskAt(line, r.index);
      const dependants = r.built.map((p) => upsert(out, p, file, line));
      if (dependants.length === 0 && task) dependants.push(task.taskId);
      if (dependants.length === 0) {
        out.warnings.push({ doc: file, line, kind: 'unparsed-line', message: '依托 outside any task and nothing named is built', text: quote });
        continue;
      }
      for (const p of r.relied) {
        const target = upsert(out, p, file, line);
        for (const source of dependants) addEdge(out, 'DEPENDS_ON', source, target, evidence);
      }
      // The task that builds a named thing mentions it.
      if (task) for (const p of r.built) addEdge(out, 'MENTIONS', task.taskId, nodeId(p.entry.type, p.entry.canonical), { ...evidence, quote: p.text });
    }
  });
  return out;
}

function upsert(out: DocParts, p: NamedParty, doc: string, line: number): string {
  const id = nodeId(p.entry.type, p.entry.canonical);
  const part = partOf(out.nodes, id, () => ({
    id, type: p.entry.type, name: p.entry.canonical, aliases: [...p.entry.aliases], props: (p.entry.en ? { nameEn: p.entry.en } : {}) as GraphNode['props'], evidence: [],
  }));
  addPartText(part, p.text);
  addPartEvidence(part, { doc, line, quote: p.text });
  return id;
}

function addEdge(out: DocParts, type: 'DEPENDS_ON' | 'MENTIONS', source: string, target: string, e: Evidence): void {
  if (source === target) return;
  const id = edgeId(type, source, target);
  const part = partOf<GraphEdge>(out.edges, id, () => ({ id, type, source, target, props: {}, evidence: [] }));
  addPartEvidence(part, e);
}
