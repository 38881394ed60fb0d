import { edgeId, nodeId, type Evidence, type GraphEdge, type GraphNode } from '../model/index.ts';
import { readReliances, type NamedParty } from './entities/dependency-reader.ts';
import { indexTasks } from './entities/task-index.ts';
import type { GraphFragment, ParsedDocument } from './types.ts';

/**
 * 依托X组建/建设Y → Y DEPENDS_ON X, with the phrase as evidence. X may be a list (one edge
 * each). When no named thing is built (依托X，推进…建设), the task that says so depends on X.
 * 依托 something unnamed (高校、科研机构, 区位优势) yields a warning, not a node.
 */
export function extractDependencies(docs: readonly ParsedDocument[]): GraphFragment {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const out: GraphFragment = { nodes: [], edges: [], warnings: [] };
  for (const doc of docs) {
    const tasks = indexTasks(doc);
    doc.source.lines.forEach((text, i) => {
      if (!text.includes('依托')) return;
      const line = i + 1;
      for (const r of readReliances(text)) {
        const quote = text.slice(r.index, r.end);
        if (r.generic) {
          out.warnings.push({ doc: doc.source.file, line, kind: 'unparsed-line', message: '依托 names no specific organisation; no dependency recorded', text: quote });
          continue;
        }
        const evidence: Evidence = { doc: doc.source.file, line, quote };
        const task = tasks.taskAt(line, r.index);
        const dependants = r.built.map((p) => upsert(nodes, p, doc.source.file, line).id);
        if (dependants.length === 0 && task) dependants.push(task.taskId);
        if (dependants.length === 0) {
          out.warnings.push({ doc: doc.source.file, line, kind: 'unparsed-line', message: '依托 outside any task and nothing named is built', text: quote });
          continue;
        }
        for (const p of r.relied) {
          const target = upsert(nodes, p, doc.source.file, line).id;
          for (const source of dependants) addEdge(edges, 'DEPENDS_ON', source, target, evidence);
        }
        // The task that builds a named thing mentions it.
        if (task) for (const p of r.built) addEdge(edges, 'MENTIONS', task.taskId, nodeId(p.entry.type, p.entry.canonical), { ...evidence, quote: p.text });
      }
    });
  }
  out.nodes = [...nodes.values()];
  out.edges = [...edges.values()];
  return out;
}

function upsert(nodes: Map<string, GraphNode>, p: NamedParty, doc: string, line: number): GraphNode {
  const id = nodeId(p.entry.type, p.entry.canonical);
  let node = nodes.get(id);
  if (!node) {
    node = { id, type: p.entry.type, name: p.entry.canonical, aliases: [...p.entry.aliases], props: p.entry.en ? { nameEn: p.entry.en } : {}, evidence: [] };
    nodes.set(id, node);
  }
  if (p.text !== node.name && !node.aliases.includes(p.text)) node.aliases.push(p.text);
  if (!node.evidence.some((e) => e.doc === doc && e.line === line && e.quote === p.text)) node.evidence.push({ doc, line, quote: p.text });
  return node;
}

function addEdge(edges: Map<string, GraphEdge>, type: 'DEPENDS_ON' | 'MENTIONS', source: string, target: string, e: Evidence): void {
  if (source === target) return;
  const id = edgeId(type, source, target);
  const edge = edges.get(id) ?? { id, type, source, target, props: {}, evidence: [] };
  edges.set(id, edge);
  if (!edge.evidence.some((x) => x.doc === e.doc && x.line === e.line && x.quote === e.quote)) edge.evidence.push(e);
}
