import { z } from 'zod';
import { GraphNodeSchema } from './node.ts';
import { GraphEdgeSchema } from './edge.ts';

/** Graph JSON: the interchange format of the CLI export, the API and the stores' round trip. */
export const GraphJsonSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type GraphJson = z.infer<typeof GraphJsonSchema>;

/** Stable order so two exports of the same graph are byte-identical. */
export function sortGraphJson(g: GraphJson): GraphJson {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId) };
}
