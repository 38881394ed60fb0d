import { edgeId, nodeId, type Evidence, type GraphEdge, type GraphNode } from '../model/index.ts';
import { findOrganisations, glossaryEntry, type OrgMention } from './entities/org-matcher.ts';
import { indexTasks, isResponsibilityLine } from './entities/task-index.ts';
import type { OrganisationEntry } from './glossary/organisations.ts';
import type { GraphFragment, ParsedDocument, ResolvedOrganisation } from './types.ts';

/** Evidence kept per node and per edge; a much-cited organisation needs no more to be checked. */
const NODE_EVIDENCE_CAP = 50;
const EDGE_EVIDENCE_CAP = 20;

/**
 * Non-government organisations: typing (Institution / Enterprise), canonical names and aliases,
 * recognition in prose, and Task MENTIONS organisation.
 */
export function lookupOrganisation(name: string): ResolvedOrganisation | null {
  const text = name.trim().replace(/等$/, '');
  if (!text) return null;
  const known = glossaryEntry(text);
  if (known) return resolved(known);
  // An unknown name that is, as a whole, an organisation name by its suffix.
  const whole = findOrganisations(text).find((m) => m.recognised && m.index === 0 && m.text === text);
  return whole ? resolved(whole.entry) : null;
}

function resolved(e: OrganisationEntry): ResolvedOrganisation {
  return { type: e.type, canonical: e.canonical, aliases: [...e.aliases] };
}

/** Node id of an organisation entry, as every step must spell it. */
export function organisationNodeId(e: Pick<OrganisationEntry, 'type' | 'canonical'>): string {
  return nodeId(e.type, e.canonical);
}

export function extractOrganisations(docs: readonly ParsedDocument[]): GraphFragment {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const doc of docs) {
    const tasks = indexTasks(doc);
    doc.source.lines.forEach((text, i) => {
      const line = i + 1;
      for (const m of findOrganisations(text)) {
        const evidence: Evidence = { doc: doc.source.file, line, quote: m.text };
        const node = upsertNode(nodes, m);
        pushCapped(node.evidence, evidence, NODE_EVIDENCE_CAP);
        const task = tasks.taskAt(line, m.index);
        if (!task || isResponsibilityLine(doc, task, line)) continue;
        const id = edgeId('MENTIONS', task.taskId, node.id);
        const edge = edges.get(id) ?? { id, type: 'MENTIONS', source: task.taskId, target: node.id, props: {}, evidence: [] };
        edges.set(id, edge);
        pushCapped(edge.evidence, evidence, EDGE_EVIDENCE_CAP);
      }
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], warnings: [] };
}

function upsertNode(nodes: Map<string, GraphNode>, m: OrgMention): GraphNode {
  const id = organisationNodeId(m.entry);
  let node = nodes.get(id);
  if (!node) {
    node = {
      id,
      type: m.entry.type,
      name: m.entry.canonical,
      aliases: [...m.entry.aliases],
      props: m.entry.en ? { nameEn: m.entry.en } : {},
      evidence: [],
    };
    nodes.set(id, node);
  }
  if (m.text !== node.name && !node.aliases.includes(m.text)) node.aliases.push(m.text);
  return node;
}

function pushCapped(list: Evidence[], e: Evidence, cap: number): void {
  if (list.length >= cap) return;
  if (list.some((x) => x.line === e.line && x.quote === e.quote && x.doc === e.doc)) return;
  list.push(e);
}
