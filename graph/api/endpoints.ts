import { z } from 'zod';
import { AGENCY_LEVELS, EDGE_TYPES, NODE_TYPES, RESPONSIBILITY_EDGE_TYPES } from '../model/ids.ts';
import { ConsistencyFindingSchema, ExtractionWarningSchema, GraphNodeSchema, RowDisagreementSchema } from '../model/index.ts';
import { EdgeTypeListSchema, IdListSchema, MAX_ELEMENTS, NodeTypeListSchema, SubgraphSchema } from './common.ts';

// One schema per boundary: the server validates with these and uses the parsed value;
// the web client parses every response with the same ones.

const RoleCountsSchema = z.object({ led: z.number().int(), cooperated: z.number().int(), responsible: z.number().int() });
const RoleSchema = z.enum(RESPONSIBILITY_EDGE_TYPES);
const NodeIdSchema = z.string().min(1).max(300);

// GET /api/health
export const HealthResponseSchema = z.object({
  ok: z.boolean(),
  store: z.enum(['memory', 'neo4j']),
  version: z.string(),
  counts: z.object({
    nodes: z.record(z.string(), z.number()),
    edges: z.record(z.string(), z.number()),
    totalNodes: z.number(),
    totalEdges: z.number(),
  }),
});

// GET /api/search
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  types: NodeTypeListSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const SearchResponseSchema = z.object({
  hits: z.array(z.object({ node: GraphNodeSchema, rank: z.enum(['exact', 'prefix', 'contains', 'abbrev']), matched: z.string() })),
  truncated: z.boolean(),
  limit: z.number().int(),
});

// GET /api/nodes/:id
export const NodeParamsSchema = z.object({ id: NodeIdSchema });
export const NodeResponseSchema = z.object({
  node: GraphNodeSchema,
  // Partial: a node has only the edge types it touches (z.record over an enum demands every key).
  degree: z.partialRecord(z.enum(EDGE_TYPES), z.object({ in: z.number().int(), out: z.number().int() })),
});

// GET /api/nodes/:id/neighbors
export const NeighborsQuerySchema = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  nodeTypes: NodeTypeListSchema.optional(),
  edgeTypes: EdgeTypeListSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ELEMENTS).default(MAX_ELEMENTS),
});
export const NeighborsResponseSchema = SubgraphSchema;

// GET /api/paths
export const PathsQuerySchema = z.object({
  from: NodeIdSchema,
  to: NodeIdSchema,
  max: z.coerce.number().int().min(1).max(10).default(3),
});
export const PathsResponseSchema = z.object({
  paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })),
  subgraph: SubgraphSchema,
  truncated: z.boolean(),
});

// GET /api/analysis/workload
export const WorkloadQuerySchema = z.object({
  level: z.enum(AGENCY_LEVELS).optional(),
  doc: z.string().max(200).optional(),
});
export const AgencyWorkloadSchema = z.object({
  agency: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable().describe('English gloss, where the glossary has one'), level: z.enum(AGENCY_LEVELS).nullable() }),
  rows: RoleCountsSchema,
  sections: RoleCountsSchema,
  byDoc: z.record(z.string(), RoleCountsSchema),
  byYear: z.record(z.string(), RoleCountsSchema),
});
// Lists carry the explicit cap outcome (defaults keep older payloads parseable).
const CapSchema = { truncated: z.boolean().default(false), limit: z.number().int().default(MAX_ELEMENTS) };
export const WorkloadResponseSchema = z.object({ agencies: z.array(AgencyWorkloadSchema), ...CapSchema });

// GET /api/analysis/trace
export const TraceQuerySchema = z.object({ technology: z.string().trim().min(1).max(300) });
export const TraceResponseSchema = z.object({
  technology: GraphNodeSchema,
  technologies: z.array(z.string()),
  agencies: z.array(
    z.object({
      agency: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), type: z.enum(NODE_TYPES), level: z.enum(AGENCY_LEVELS).nullable() }),
      led: z.number().int(),
      cooperated: z.number().int(),
      responsible: z.number().int(),
      tasks: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema, technology: z.string() })),
      path: z.array(z.string()),
    }),
  ),
  subgraph: SubgraphSchema,
  truncated: z.boolean(),
  /** Per traced task, how many technologies it targets in all: a broad section targets many. */
  breadth: z.record(z.string(), z.number().int()).default({}),
});

// GET /api/technologies/terms
export const TechnologyTermsResponseSchema = z.object({
  technologies: z.array(z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.string().nullable().describe('domain or area'),
    /** Wording the ETL maps onto this technology (疫苗 → 新药创制), from the term lexicon. */
    terms: z.array(z.string()),
  })),
});

// GET /api/analysis/matrix
export const MatrixQuerySchema = z.object({
  agencies: IdListSchema.optional(),
  tasks: IdListSchema.optional(),
});
export const MatrixResponseSchema = z.object({
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  tasks: z.array(z.object({ id: z.string(), name: z.string() })),
  cells: z.array(z.object({ agency: z.string(), task: z.string(), role: RoleSchema })),
  truncated: z.boolean(),
  limit: z.number().int(),
});

// GET /api/consistency
export const ConsistencyResponseSchema = z.object({
  findings: z.array(ConsistencyFindingSchema),
  /** Rows several documents name, where the documents give them different units. */
  rowDisagreements: z.array(RowDisagreementSchema),
  warnings: z.array(ExtractionWarningSchema),
  ...CapSchema,
});

// GET /api/documents
export const DocumentsResponseSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      title: z.string().nullable(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      url: z.string().nullable(),
      publisher: z.string().nullable(),
    }),
  ),
  ...CapSchema,
});

// GET /api/documents/:doc/lines
/** Source file names only: no separators, no "..", so no path can escape seeds/ or data/. */
export const DocFileSchema = z.string().regex(/^[\w\u4e00-\u9fff][\w.\u4e00-\u9fff-]{0,199}$/u, 'a document file name').refine((s) => !s.includes('..'), 'a document file name');
export const DocumentLinesParamsSchema = z.object({ doc: DocFileSchema });
export const DocumentLinesQuerySchema = z
  .object({
    from: z.coerce.number().int().min(1).default(1),
    to: z.coerce.number().int().min(1).optional(),
  })
  .refine((q) => q.to === undefined || (q.to >= q.from && q.to - q.from <= 500), { message: 'to must be ≥ from and within 500 lines', path: ['to'] });
export const DocumentLinesResponseSchema = z.object({
  doc: z.string(),
  total: z.number().int(),
  lines: z.array(z.object({ no: z.number().int(), text: z.string() })),
});

// POST /api/export
export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'cytoscape'] as const;
const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour');
/**
 * What the screen shows: per id (same order as `ids`) its position, size and colour, and the
 * drawn edges as [source index, target index, type]. With it the file holds exactly these edges.
 */
export const ExportViewSchema = z.object({
  nodes: z.array(z.object({ x: z.number().finite(), y: z.number().finite(), size: z.number().positive().max(1000), color: HexColorSchema })).max(MAX_ELEMENTS),
  edges: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0), z.enum(EDGE_TYPES)])).max(MAX_ELEMENTS * 4),
  edgeStyle: z.partialRecord(z.enum(EDGE_TYPES), z.object({ color: HexColorSchema, width: z.number().positive().max(50) })).optional(),
});
export type ExportView = z.infer<typeof ExportViewSchema>;
/** A file name stem the browser may save under: letters (any script), digits, - _ . and no path. */
export const ExportNameSchema = z.string().min(1).max(120).regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u, 'a file name of letters, digits, - _ .');
export const ExportBodySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    name: ExportNameSchema.optional(),
    view: ExportViewSchema.optional(),
    ids: z.array(NodeIdSchema).max(MAX_ELEMENTS).optional(),
    query: z
      .object({
        neighborsOf: NodeIdSchema,
        depth: z.number().int().min(1).max(3).default(1),
        nodeTypes: z.array(z.enum(NODE_TYPES)).optional(),
        edgeTypes: z.array(z.enum(EDGE_TYPES)).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.query === undefined), { message: 'give exactly one of ids or query', path: ['ids'] })
  .refine((b) => !b.view || (b.ids !== undefined && b.view.nodes.length === b.ids.length), { message: 'view.nodes must match ids one for one', path: ['view', 'nodes'] })
  .refine((b) => !b.view || b.view.edges.every(([s, t]) => s < (b.ids?.length ?? 0) && t < (b.ids?.length ?? 0)), { message: 'view.edges must point into ids', path: ['view', 'edges'] });
export type ExportBody = z.infer<typeof ExportBodySchema>;
