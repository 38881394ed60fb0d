import { NODE_TYPES } from '../../model/index.ts';
import { InvalidInputError } from '../errors.ts';

/** The graph a store reads and writes when NEO4J_GRAPH is not set. */
export const DEFAULT_GRAPH = 'policy_graph';

/**
 * Per-graph bookkeeping (the revision counter) lives on one node of this label, keyed by the
 * graph's name: it is never under a graph label, so it is never counted as one of its nodes.
 */
export const META_LABEL = 'PolicyGraphMeta';

/** Labels cannot be parameters: a graph name goes into Cypher text only if it is this plain. */
const GRAPH_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** Names a graph label must not take: the model's node labels, the old shared label, ours. */
const RESERVED = new Set([...NODE_TYPES, 'Entity', META_LABEL].map((l) => l.toLowerCase()));

/**
 * The label every node of graph `name` carries. It is the name itself, checked against a strict
 * character set (a letter, then letters, digits or `_`) so it can be written into Cypher text.
 */
export function graphLabel(name: string): string {
  if (!GRAPH_NAME.test(name)) {
    throw new InvalidInputError(`NEO4J_GRAPH must be a letter followed by up to 62 letters, digits or _, got "${name}"`, 'NEO4J_GRAPH');
  }
  if (RESERVED.has(name.toLowerCase())) throw new InvalidInputError(`NEO4J_GRAPH may not be "${name}": that label is the model's own`, 'NEO4J_GRAPH');
  return name;
}
