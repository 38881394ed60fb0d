import type { GraphEdge, GraphJson, GraphNode } from '../../model/index.ts';
import { planDocumentReplace } from '../document-plan.ts';
import { InvalidInputError } from '../errors.ts';
import type { LoadSummary } from '../types.ts';
import type { Query } from './connection.ts';
import { META_LABEL } from './namespace.ts';
import { NODE_COLUMNS, SET_NODE, chunks, edgeRow, groupBy, label, nodeRow, relType, toEdge, toNode } from './records.ts';

/** Rows per UNWIND statement. */
export const BATCH_SIZE = 1000;

/**
 * Bump this graph's revision counter, inside the caller's write transaction: the bump commits
 * with the write or not at all, and it locks the counter node, so writers of one graph queue.
 */
export async function bumpRevision(q: Query): Promise<number> {
  const rows = await q(`MERGE (m:${META_LABEL} {graph: $graph}) SET m.revision = coalesce(m.revision, 0) + 1 RETURN m.revision AS revision`, { graph: q.label });
  return Number(rows[0]?.['revision'] ?? 0);
}

/** Delete every node of this graph with its relationships, a batch at a time, inside the caller's transaction. */
export async function deleteAll(q: Query): Promise<void> {
  for (;;) {
    const rows = await q(`MATCH (n:${q.label}) WITH n LIMIT ${BATCH_SIZE * 10} DETACH DELETE n RETURN count(*) AS c`);
    if (Number(rows[0]?.['c'] ?? 0) === 0) return;
  }
}

/** MERGE nodes on id, grouped by label so the label is a constant of the statement. */
export async function upsertNodes(q: Query, nodes: readonly GraphNode[]): Promise<void> {
  for (const [type, group] of groupBy(nodes, (n) => n.type)) {
    const cypher = `UNWIND $rows AS row MERGE (n:${q.label} {id: row.id}) ON CREATE SET n:${label(type)} ${SET_NODE}`;
    for (const batch of chunks(group.map(nodeRow), BATCH_SIZE)) await q(cypher, { rows: batch });
  }
}

/** MERGE relationships on (source, type, id), grouped by type; every endpoint must exist. */
export async function upsertEdges(q: Query, edges: readonly GraphEdge[]): Promise<void> {
  for (const [type, group] of groupBy(edges, (e) => e.type)) {
    const cypher =
      `UNWIND $rows AS row MATCH (a:${q.label} {id: row.source}) MATCH (b:${q.label} {id: row.target}) ` +
      `MERGE (a)-[r:${relType(type)} {id: row.id}]->(b) ` +
      'SET r.props_json = row.props_json, r.evidence_json = row.evidence_json, r.docs = row.docs RETURN count(r) AS c';
    for (const batch of chunks(group.map(edgeRow), BATCH_SIZE)) {
      const rows = await q(cypher, { rows: batch });
      // Throwing rolls the whole transaction back: nothing half-written.
      if (Number(rows[0]?.['c'] ?? 0) !== batch.length) throw new InvalidInputError(`some ${type} edges point at missing nodes`, 'edges');
    }
  }
}

async function ids(q: Query): Promise<{ nodes: Set<string>; edges: Set<string> }> {
  const n = await q(`MATCH (n:${q.label}) RETURN n.id AS id`);
  const e = await q(`MATCH (:${q.label})-[r]->(:${q.label}) RETURN r.id AS id`);
  return { nodes: new Set(n.map((r) => String(r['id']))), edges: new Set(e.map((r) => String(r['id']))) };
}

/**
 * Replace the whole graph in ONE write transaction (our choice over staging with a generation
 * property): Neo4j commits it whole or not at all, so readers never see half a graph. The seed
 * graph is a few thousand elements; a graph of millions needs a larger transaction memory.
 */
export async function loadAll(q: Query, graph: GraphJson): Promise<Omit<LoadSummary, 'ms'>> {
  const before = await ids(q);
  await deleteAll(q);
  await upsertNodes(q, graph.nodes);
  await upsertEdges(q, graph.edges);
  const kept = { nodes: graph.nodes.filter((n) => before.nodes.has(n.id)).length, edges: graph.edges.filter((e) => before.edges.has(e.id)).length };
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    nodesAdded: graph.nodes.length - kept.nodes,
    nodesRemoved: before.nodes.size - kept.nodes,
    edgesAdded: graph.edges.length - kept.edges,
    edgesRemoved: before.edges.size - kept.edges,
  };
}

/** Whether any node or relationship cites `doc`. */
export async function documentKnown(q: Query, doc: string): Promise<boolean> {
  const n = await q(`MATCH (n:${q.label}) WHERE $doc IN n.docs RETURN count(n) AS c`, { doc });
  const r = await q(`MATCH (:${q.label})-[r]->(:${q.label}) WHERE $doc IN r.docs RETURN count(r) AS c`, { doc });
  return Number(n[0]?.['c'] ?? 0) + Number(r[0]?.['c'] ?? 0) > 0;
}

/** Replace one document's facts in one write transaction, with the plan both stores share. */
export async function replaceDoc(q: Query, doc: string, fragment: GraphJson): Promise<Omit<LoadSummary, 'ms'>> {
  const nodeIds = [...new Set([...fragment.nodes.map((n) => n.id), ...fragment.edges.flatMap((e) => [e.source, e.target])])];
  const edgeIds = fragment.edges.map((e) => e.id);
  const beforeNodes = (await q(`MATCH (n:${q.label}) WHERE $doc IN n.docs OR n.id IN $ids RETURN ${NODE_COLUMNS()}`, { doc, ids: nodeIds })).map(toNode);
  const beforeEdges = (
    await q(`MATCH (a:${q.label})-[r]->(b:${q.label}) WHERE $doc IN r.docs OR r.id IN $ids RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.props_json AS props_json, r.evidence_json AS evidence_json`, { doc, ids: edgeIds })
  ).map(toEdge);
  const plan = planDocumentReplace(doc, { nodes: beforeNodes, edges: beforeEdges }, fragment);
  const oldEdges = new Map(beforeEdges.map((e) => [e.id, e]));
  const gone = plan.removeEdges.map((id) => oldEdges.get(id)).filter((e) => e !== undefined);
  for (const batch of chunks(gone.map((e) => ({ source: e.source, id: e.id })), BATCH_SIZE)) {
    await q(`UNWIND $rows AS row MATCH (:${q.label} {id: row.source})-[r {id: row.id}]->() DELETE r`, { rows: batch });
  }
  let dangling = 0;
  for (const batch of chunks(plan.removeNodes, BATCH_SIZE)) {
    const rows = await q(
      `UNWIND $ids AS id MATCH (n:${q.label} {id: id}) OPTIONAL MATCH (n)-[r]-() ` +
        'WITH collect(DISTINCT n) AS ns, collect(DISTINCT r) AS rs FOREACH (x IN rs | DELETE x) FOREACH (x IN ns | DELETE x) RETURN size(rs) AS c',
      { ids: batch },
    );
    dangling += Number(rows[0]?.['c'] ?? 0);
  }
  await upsertNodes(q, plan.upsertNodes);
  await upsertEdges(q, plan.upsertEdges);
  const n = await q(`MATCH (n:${q.label}) RETURN count(n) AS c`);
  const r = await q(`MATCH (:${q.label})-[r]->(:${q.label}) RETURN count(r) AS c`);
  return {
    nodes: Number(n[0]?.['c'] ?? 0),
    edges: Number(r[0]?.['c'] ?? 0),
    nodesAdded: plan.nodesAdded,
    nodesRemoved: plan.removeNodes.length,
    edgesAdded: plan.edgesAdded,
    edgesRemoved: plan.removeEdges.length + dangling,
  };
}
