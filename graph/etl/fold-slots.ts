import type { GraphEdge, GraphNode } from '../model/index.ts';
import { DEPENDENCY_CAPS } from './dependencies.ts';
import type { Slot } from './etl-context.ts';
import type { GraphAccumulator } from './merge-fragments.ts';
import { ORGANISATION_CAPS } from './organisations.ts';
import { foldParts, type Part } from './step-parts.ts';

type Entries<V> = readonly (readonly [string, V])[];

/** Two file-ordered lists as one, `mine` (all from `file`) placed where `file` sorts. */
function ordered<V>(ctx: Entries<V> | undefined, mine: Entries<V> | undefined, file: string): V[] {
  const out: V[] = [];
  let i = 0;
  const c = ctx ?? [];
  while (i < c.length && c[i]![0] < file) out.push(c[i++]![1]);
  for (const m of mine ?? []) out.push(m[1]);
  while (i < c.length) out.push(c[i++]![1]);
  return out;
}

function sequence<T extends GraphNode | GraphEdge>(ctx: Slot<T> | undefined, mine: Slot<T> | undefined, file: string, edge: boolean): T[] {
  const seq = ordered(ctx?.early, mine?.early, file);
  const org = ordered<Part<T>>(ctx?.org, mine?.org, file);
  if (org.length > 0) seq.push(foldParts(org, edge ? ORGANISATION_CAPS.edge : ORGANISATION_CAPS.node));
  seq.push(...ordered(ctx?.tech, mine?.tech, file));
  const dep = ordered<Part<T>>(ctx?.dep, mine?.dep, file);
  if (dep.length > 0) seq.push(foldParts(dep, edge ? DEPENDENCY_CAPS.edge : DEPENDENCY_CAPS.node));
  return seq;
}

/**
 * Adds to `acc` the node as the whole ETL over the catalogue documents plus `file` would merge it:
 * structure and responsibility in file order, then the organisation, technology and dependency steps.
 */
export function foldNode(acc: GraphAccumulator, ctx: Slot<GraphNode> | undefined, mine: Slot<GraphNode> | undefined, file: string): void {
  for (const n of sequence(ctx, mine, file, false)) acc.addNode(n);
}

export function foldEdge(acc: GraphAccumulator, ctx: Slot<GraphEdge> | undefined, mine: Slot<GraphEdge> | undefined, file: string): void {
  for (const e of sequence(ctx, mine, file, true)) acc.addEdge(e);
}
