import { z } from 'zod';
import { NODE_TYPES } from './ids.ts';
import { EvidenceSchema } from './evidence.ts';
import { PropsSchema } from './props.ts';

export const NodeTypeSchema = z.enum(NODE_TYPES);

export const GraphNodeSchema = z.object({
  id: z.string().min(1),
  type: NodeTypeSchema,
  name: z.string().min(1),
  aliases: z.array(z.string()),
  props: PropsSchema,
  evidence: z.array(EvidenceSchema),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;
