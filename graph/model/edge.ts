import { z } from 'zod';
import { EDGE_TYPES } from './ids.ts';
import { EvidenceSchema } from './evidence.ts';
import { PropsSchema } from './props.ts';

export const EdgeTypeSchema = z.enum(EDGE_TYPES);

export const GraphEdgeSchema = z.object({
  id: z.string().min(1),
  type: EdgeTypeSchema,
  source: z.string().min(1),
  target: z.string().min(1),
  props: PropsSchema,
  evidence: z.array(EvidenceSchema),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
