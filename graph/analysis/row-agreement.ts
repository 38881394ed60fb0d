import { evidenceDocs, type GraphJson, type GraphNode, type RowDisagreement } from '../model/index.ts';

type Role = RowDisagreement['role'];
const ROLES: readonly Role[] = ['LEADS', 'COOPERATES'];

/**
 * Rows several documents name (one node, task-identity.ts) where the documents do not agree on
 * who leads or who cooperates. Read from the graph alone: each document's units for a row are
 * the responsibility edges with evidence from that document, so any store's export will do.
 */
export function findRowDisagreements(graph: GraphJson): RowDisagreement[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const placements = new Map<string, Map<string, number | null>>(); // row → doc → number
  const units = new Map<string, Map<Role, Map<string, Set<string>>>>(); // row → role → doc → names
  for (const e of graph.edges) {
    if (e.type === 'PART_OF' && nodes.get(e.source)?.props['kind'] === 'tableRow' && typeof e.props['doc'] === 'string') {
      const byDoc = placements.get(e.source) ?? new Map<string, number | null>();
      byDoc.set(e.props['doc'], typeof e.props['tableNo'] === 'number' ? e.props['tableNo'] : null);
      placements.set(e.source, byDoc);
    }
  }
  for (const e of graph.edges) {
    if ((e.type !== 'LEADS' && e.type !== 'COOPERATES') || (placements.get(e.target)?.size ?? 0) < 2) continue;
    const byRole = units.get(e.target) ?? new Map<Role, Map<string, Set<string>>>();
    units.set(e.target, byRole);
    const byDoc = byRole.get(e.type) ?? new Map<string, Set<string>>();
    byRole.set(e.type, byDoc);
    const name = nodes.get(e.source)?.name ?? e.source;
    for (const doc of evidenceDocs(e.evidence)) byDoc.set(doc, (byDoc.get(doc) ?? new Set()).add(name));
  }
  const out: RowDisagreement[] = [];
  for (const [rowId, docs] of [...placements].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (docs.size < 2) continue;
    const row = nodes.get(rowId)!;
    for (const role of ROLES) {
      const named = [...docs.keys()].sort().map((doc) => ({ doc, units: [...(units.get(rowId)?.get(role)?.get(doc) ?? [])].sort() }));
      if (named.every((d) => sameList(d.units, named[0]!.units))) continue;
      out.push({
        rowId,
        rowName: row.name,
        role,
        documents: named.map((d) => ({ ...d, tableNo: docs.get(d.doc) ?? null, row: titleEvidence(row, d.doc) })),
      });
    }
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function titleEvidence(row: GraphNode, doc: string): RowDisagreement['documents'][number]['row'] {
  return row.evidence.find((e) => e.doc === doc) ?? null;
}
