import { EDGE_TYPES, NODE_TYPES, sortGraphJson, type GraphJson, type NodeType } from '../model/index.ts';

/**
 * A Cypher string literal. Backslash first, so the escapes added after it stay single;
 * control characters as escapes so a statement never spans an unexpected line.
 */
export function cypherString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

function cypherList(values: readonly string[]): string {
  return `[${values.map(cypherString).join(', ')}]`;
}

/**
 * A runnable Cypher script: uniqueness constraints, then one MERGE per node and per edge on the
 * stable id, so running it twice changes nothing. Labels and relationship types come only from
 * the model's closed sets (never from data), and every data value is an escaped literal.
 */
export function toCypher(graph: GraphJson): string {
  const g = sortGraphJson(graph);
  const out: string[] = [`// policy-graph export: ${g.nodes.length} nodes, ${g.edges.length} edges`];
  for (const label of NODE_TYPES) {
    out.push(`CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  }
  const typeOf = new Map<string, NodeType>();
  for (const n of g.nodes) {
    if (!NODE_TYPES.includes(n.type)) continue;
    typeOf.set(n.id, n.type);
    out.push(
      `MERGE (n:${n.type} {id: ${cypherString(n.id)}}) SET n.name = ${cypherString(n.name)}, ` +
        `n.aliases = ${cypherList(n.aliases)}, n.props = ${cypherString(JSON.stringify(n.props))}, ` +
        `n.evidence = ${cypherString(JSON.stringify(n.evidence))};`,
    );
  }
  for (const e of g.edges) {
    const s = typeOf.get(e.source);
    const t = typeOf.get(e.target);
    // An edge whose end is not in the file cannot be matched; skip rather than emit a no-op.
    if (!s || !t || !EDGE_TYPES.includes(e.type)) continue;
    out.push(
      `MATCH (a:${s} {id: ${cypherString(e.source)}}), (b:${t} {id: ${cypherString(e.target)}}) ` +
        `MERGE (a)-[r:${e.type} {id: ${cypherString(e.id)}}]->(b) ` +
        `SET r.props = ${cypherString(JSON.stringify(e.props))}, r.evidence = ${cypherString(JSON.stringify(e.evidence))};`,
    );
  }
  return out.join('\n') + '\n';
}
