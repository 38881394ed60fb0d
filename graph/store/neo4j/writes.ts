import type { GraphEdge, GraphJson, GraphNode } from '../../model/index.ts';
import { planDocumentReplace } from '../document-plan.ts';
import { InvalidInputError } from '../errors.ts';
import type { LoadSummary } from '../types.ts';
import type { Query } from './connection.ts';
import { BASE_LABEL, NODE_COLUMNS, SET_NODE, chunks, edgeRow, groupBy, label, nodeRow, relType, toEdge, toNode } from './records.ts';

/** Rows per UNWIND statement. */
export const BATCH_SIZE = 1000;

/** Delete every node of ours with its relationships, a batch at a time, inside the caller's transaction. */
export async function deleteAll(q: Query): Promise<void> {
  for (;;) {
    const rows = await q(`MATCH (n:${BASE_LABEL}) WITH n LIMIT ${BATCH_SIZE * 10} DETACH DELETE n RETURN count(*) AS c`);
    if (Number(rows[0]?.['c'] ?? 0) === 0) return;
  }
}

/** MERGE nodes on id, grouped by label so the label is a constant of the statement. */
export async function upsertNodes(q: Query, nodes: readonly GraphNode[]): Promise<void> {
  for (const [type, group] of groupBy(nodes, (n) => n.type)) {
    const cypher = `UNWIND $rows AS row MERGE (n:${label(type)} {id: row.id}) ON CREATE SET n:${BASE_LABEL} ${SET_NODE}`;
    for (const batch of chunks(group.map(nodeRow), BATCH_SIZE)) await q(cypher, { rows: batch });
  }
}

/** MERGE relationships on (source, type, id), grouped by type; every endpoint must exist. */
export async function upsertEdges(q: Query, edges: readonly GraphEdge[]): Promise<void> {
  for (const [type, group] of groupBy(edges, (e) => e.type)) {
    const cypher =
      `UNWIND $rows AS row MATCH (a:${BASE_LABEL} {id: row.source}) MATCH (b:${BASE_LABEL} {id: row.target}) ` +
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
  const n = await q(`MATCH (n:${BASE_LABEL}) RETURN n.id AS id`);
  const e = await q(`MATCH (:${BASE_LABEL})-[r]->(:${BASE_LABEL}) RETURN r.id AS id`);
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
  const n = await q(`MATCH (n:${BASE_LABEL}) WHERE $doc IN n.docs RETURN count(n) AS c`, { doc });
  const r = await q(`MATCH (:${BASE_LABEL})-[r]->(:${BASE_LABEL}) WHERE $doc IN r.docs RETURN count(r) AS c`, { doc });
  return Number(n[0]?.['c'] ?? 0) + Number(r[0]?.['c'] ?? 0) > 0;
}

/** Replace one document's facts in one write transaction, with the plan both stores share. */
export async function replaceDoc(q: Query, doc: string, fragment: GraphJson): Promise<Omit<LoadSummary, 'ms'>> {
  const nodeIds = [...new Set([...fragment.nodes.map((n) => n.id), ...fragment.edges.flatMap((e) => [e.source, e.target])])];
  const edgeIds = fragment.edges.map((e) => e.id);
  const beforeNodes = (await q(`MATCH (n:${BASE_LABEL}) WHERE $doc IN n.docs OR n.id IN $ids RETURN ${NODE_COLUMNS()}`, { doc, ids: nodeIds })).map(toNode);
  const beforeEdges = (
    await q(`MATCH (a:${BASE_LABEL})-[r]->(b:${BASE_LABEL}) WHERE $doc IN r.docs OR r.id IN $ids RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.props_json AS props_json, r.evidence_json AS evidence_json`, { doc, ids: edgeIds })
  ).map(toEdge);
  const plan = planDocumentReplace(doc, { nodes: beforeNodes, edges: beforeEdges }, fragment);
  const oldEdges = new Map(beforeEdges.map((e) => [e.id, e]));
  const gone = plan.removeEdges.map((id) => oldEdges.get(id)).filter((e) => e !== undefined);
  for (const batch of chunks(gone.map((e) => ({ source: e.source, id: e.id })), BATCH_SIZE)) {
    await q(`UNWIND $rows AS row MATCH (:${BASE_LABEL} {id: row.source})-[r {id: row.id}]->() DELETE r`, { rows: batch });
  }
  let dangling = 0;
  for (const batch of chunks(plan.removeNodes, BATCH_SIZE)) {
    const rows = await q(
      `UNWIND $ids AS id MATCH (n:${BASE_LABEL} {id: id}) OPTIONAL MATCH (n)-[r]-() ` +
        'WITH collect(DISTINCT n) AS ns, collect(DISTINCT r) AS rs FOREACH (x IN rs | DELETE x) FOREACH (x IN ns | DELETE x) RETURN size(rs) AS c',
      { ids: batch },
    );
    dangling += Number(rows[0]?.['c'] ?? 0);
  }
  await upsertNodes(q, plan.upsertNodes);
  await upsertEdges(q, plan.upsertEdges);
  const n = await q(`MATCH (n:${BASE_LABEL}) RETURN count(n) AS c`);
  const r = await q(`MATCH (:${BASE_LABEL})-[r]->(:${BASE_LABEL}) RETURN count(r) AS c`);
  return {
    nodes: Number(n[0]?.['c'] ?? 0),
    edges: Number(r[0]?.['c'] ?? 0),
    nodesAdded: plan.nodesAdded,
    nodesRemoved: plan.removeNodes.length,
    edgesAdded: plan.edgesAdded,
    edgesRemoved: plan.removeEdges.length + dangling,
  };
}
