import { edgeId, nodeId, type Evidence, type GraphNode } from '../model/index.ts';
import { findOrganisations, glossaryEntry } from './entities/org-matcher.ts';
import { indexTasks, isResponsibilityLine } from './entities/task-index.ts';
import type { OrganisationEntry } from './glossary/organisations.ts';
import { addPartEvidence, addPartText, emptyParts, foldDocParts, partOf, type Caps, type DocParts } from './step-parts.ts';
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
  return foldDocParts(docs.map(organisationParts), ORGANISATION_CAPS);
}

export const ORGANISATION_CAPS: Caps = { node: NODE_EVIDENCE_CAP, edge: EDGE_EVIDENCE_CAP };

/** One document's organisations and MENTIONS, before documents are folded together. */
export function organisationParts(doc: ParsedDocument): DocParts {
  const out = emptyParts();
  const tasks = indexTasks(doc);
  const file = doc.source.file;
  doc.source.lines.forEach((text, i) => {
    const line = i + 1;
    for (const m of findOrganisations(text)) {
      const evidence: Evidence = { doc: file, line, quote: m.text };
      const id = organisationNodeId(m.entry);
      const node = partOf(out.nodes, id, () => ({
        id, type: m.entry.type, name: m.entry.canonical, aliases: [...m.entry.aliases], props: (m.entry.en ? { nameEn: m.entry.en } : {}) as GraphNode['props'], evidence: [],
      }));
      addPartText(node, m.text);
      addPartEvidence(node, evidence, NODE_EVIDENCE_CAP);
      const task = tasks.taskAt(line, m.index);
      if (!task || isResponsibilityLine(doc, task, line)) continue;
      const eid = edgeId('MENTIONS', task.taskId, id);
      const edge = partOf(out.edges, eid, () => ({ id: eid, type: 'MENTIONS', source: task.taskId, target: id, props: {}, evidence: [] }));
      addPartEvidence(edge, evidence, EDGE_EVIDENCE_CAP);
    }
  });
  return out;
}
