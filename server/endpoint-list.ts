import type { z } from 'zod';
import { AdminReloadResponseSchema } from '../graph/api/admin.ts';
import * as api from '../graph/api/index.ts';

/** One row per endpoint: drives both /api/openapi.json and the /api/docs page. */
export interface EndpointDoc {
  method: 'get' | 'post';
  path: string; // OpenAPI style: /nodes/{id}
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Non-JSON success (file download). */
  produces?: string;
}

export const ENDPOINTS: EndpointDoc[] = [
  { method: 'get', path: '/health', summary: 'Store kind, node and edge counts, version.', response: api.HealthResponseSchema },
  { method: 'get', path: '/search', summary: 'Nodes by name or alias (Chinese substring), ranked exact › prefix › contains.', query: api.SearchQuerySchema, response: api.SearchResponseSchema },
  { method: 'get', path: '/nodes/{id}', summary: 'One node with its evidence and its degree by edge type.', params: api.NodeParamsSchema, response: api.NodeResponseSchema },
  { method: 'get', path: '/nodes/{id}/neighbors', summary: 'The neighbourhood (depth 1–3) as Graph JSON, filtered by node and edge types.', params: api.NodeParamsSchema, query: api.NeighborsQuerySchema, response: api.NeighborsResponseSchema },
  { method: 'get', path: '/paths', summary: 'Shortest paths between two nodes, with their subgraph.', query: api.PathsQuerySchema, response: api.PathsResponseSchema },
  { method: 'get', path: '/analysis/workload', summary: 'Per agency: table rows led and cooperated, section tasks, tasks by deadline year; heaviest first.', query: api.WorkloadQuerySchema, response: api.WorkloadResponseSchema },
  { method: 'get', path: '/analysis/trace', summary: 'Organisations leading or cooperating on tasks that target a technology (id or name) or its subfields.', query: api.TraceQuerySchema, response: api.TraceResponseSchema },
  { method: 'get', path: '/technologies/terms', summary: 'Every technology with its English gloss and the lexicon terms mapped onto it (疫苗 → 新药创制), for pickers.', response: api.TechnologyTermsResponseSchema },
  { method: 'get', path: '/analysis/matrix', summary: 'Responsibility matrix agency × task (LEADS / COOPERATES) for the given agencies and/or tasks.', query: api.MatrixQuerySchema, response: api.MatrixResponseSchema },
  { method: 'get', path: '/consistency', summary: 'Responsibility clauses whose units differ from the table row they cite, and extraction warnings.', response: api.ConsistencyResponseSchema },
  { method: 'get', path: '/documents', summary: 'The documents in the graph.', response: api.DocumentsResponseSchema },
  { method: 'get', path: '/documents/{doc}/lines', summary: 'Source text lines (at most 500) so a quote can be shown in context.', params: api.DocumentLinesParamsSchema, query: api.DocumentLinesQuerySchema, response: api.DocumentLinesResponseSchema },
  { method: 'post', path: '/export', summary: 'A subgraph (ids, or the neighbours of a node) as a file; with `view` exactly the drawn edges and each element\'s position, size and colour; `name` names the file: json, graphml, gexf, csv (zip), cypher, cytoscape. Headers X-Truncated and X-Limit report the cap.', body: api.ExportBodySchema, produces: 'application/octet-stream' },
  { method: 'post', path: '/admin/reload', summary: 'Only when the server runs with ADMIN_TOKEN (send it as a Bearer token): re-read the data the CLI wrote and drop cached lists. Writes nothing.', response: AdminReloadResponseSchema },
  { method: 'get', path: '/openapi.json', summary: 'This API as OpenAPI 3.1.' },
  { method: 'get', path: '/docs', summary: 'This page.' },
];
