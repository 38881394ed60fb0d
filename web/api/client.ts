import type { z } from 'zod';
import {
  ConsistencyResponseSchema, DocumentLinesResponseSchema, DocumentsResponseSchema, ErrorBodySchema, HealthResponseSchema,
  MatrixResponseSchema, NeighborsResponseSchema, NodeResponseSchema, PathsResponseSchema, SearchResponseSchema,
  TechnologyTermsResponseSchema, TraceResponseSchema, WorkloadResponseSchema,
} from '../../graph/api/index.ts';
import type { EXPORT_FORMATS, ExportView } from '../../graph/api/index.ts';
import type { AgencyLevel, EdgeType, NodeType } from '../../graph/model/index.ts';
import { batchedMatrix } from './matrix-batches.ts';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type NodeResponse = z.infer<typeof NodeResponseSchema>;
export type Subgraph = z.infer<typeof NeighborsResponseSchema>;
export type PathsResponse = z.infer<typeof PathsResponseSchema>;
export type WorkloadResponse = z.infer<typeof WorkloadResponseSchema>;
export type AgencyWorkload = WorkloadResponse['agencies'][number];
export type TraceResponse = z.infer<typeof TraceResponseSchema>;
export type MatrixResponse = z.infer<typeof MatrixResponseSchema>;
export type ConsistencyResponse = z.infer<typeof ConsistencyResponseSchema>;
export type DocumentsResponse = z.infer<typeof DocumentsResponseSchema>;
export type DocumentLines = z.infer<typeof DocumentLinesResponseSchema>;
export type TechnologyTerms = z.infer<typeof TechnologyTermsResponseSchema>;

/** An API failure worded for a person: the server's message when it sent one. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code: string, readonly field?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | readonly string[] | undefined>;

function toQuery(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) { if (v.length) p.set(k, v.join(',')); } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function readError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try { body = await res.json(); } catch { /* not JSON: fall back to the status line */ }
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(e.field ? `${e.message} (${e.field})` : e.message, res.status, e.code, e.field);
  }
  return new ApiError(`${res.status} ${res.statusText || 'request failed'}`, res.status, 'internal');
}

export interface ApiClient {
  health(): Promise<z.infer<typeof HealthResponseSchema>>;
  search(q: string, opts?: { types?: readonly NodeType[]; limit?: number }): Promise<SearchResponse>;
  node(id: string): Promise<NodeResponse>;
  neighbors(id: string, opts?: { depth?: number; nodeTypes?: readonly NodeType[]; edgeTypes?: readonly EdgeType[]; limit?: number }): Promise<Subgraph>;
  paths(from: string, to: string, max?: number): Promise<PathsResponse>;
  workload(opts?: { level?: AgencyLevel; doc?: string }): Promise<WorkloadResponse>;
  trace(technology: string): Promise<TraceResponse>;
  technologyTerms(): Promise<TechnologyTerms>;
  matrix(agencies: readonly string[], tasks: readonly string[]): Promise<MatrixResponse>;
  consistency(): Promise<ConsistencyResponse>;
  documents(): Promise<DocumentsResponse>;
  lines(doc: string, from: number, to: number): Promise<DocumentLines>;
  /** `view` makes the file exactly what is drawn (edges and look); `name` is the file name stem. */
  exportGraph(ids: readonly string[], format: ExportFormat, opts?: { name?: string; view?: ExportView }): Promise<{ blob: Blob; filename: string; nodes: number; edges: number }>;
  /** Full node records by id (through the Graph JSON export), e.g. for agencies' English glosses. */
}

export function createApiClient(base = '', fetchImpl: typeof fetch = (...a) => globalThis.fetch(...a)): ApiClient {
  async function get<S extends z.ZodType>(path: string, schema: S, q: Query = {}): Promise<z.infer<S>> {
    let res: Response;
    try { res = await fetchImpl(`${base}${path}${toQuery(q)}`, { headers: { accept: 'application/json' } }); } catch (e) {
      throw new ApiError(`Cannot reach the server: ${(e as Error).message}`, 0, 'unavailable');
    }
    if (!res.ok) throw await readError(res);
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success) throw new ApiError(`Unexpected response from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, res.status, 'internal');
    return parsed.data;
  }
  const enc = encodeURIComponent;
  return {
    health: () => get('/api/health', HealthResponseSchema),
    search: (q, o = {}) => get('/api/search', SearchResponseSchema, { q, types: o.types, limit: o.limit }),
    node: (id) => get(`/api/nodes/${enc(id)}`, NodeResponseSchema),
    neighbors: (id, o = {}) => get(`/api/nodes/${enc(id)}/neighbors`, NeighborsResponseSchema, { ...o }),
    paths: (from, to, max = 3) => get('/api/paths', PathsResponseSchema, { from, to, max }),
    workload: (o = {}) => get('/api/analysis/workload', WorkloadResponseSchema, { ...o }),
    trace: (technology) => get('/api/analysis/trace', TraceResponseSchema, { technology }),
    technologyTerms: () => get('/api/technologies/terms', TechnologyTermsResponseSchema),
    matrix: (agencies, tasks) => batchedMatrix(agencies, tasks, (a, t) => get('/api/analysis/matrix', MatrixResponseSchema, { agencies: a, tasks: t })),
    consistency: () => get('/api/consistency', ConsistencyResponseSchema),
    documents: () => get('/api/documents', DocumentsResponseSchema),
    lines: (doc, from, to) => get(`/api/documents/${enc(doc)}/lines`, DocumentLinesResponseSchema, { from, to }),
    async exportGraph(ids, format, opts = {}) {
      const res = await fetchImpl(`${base}/api/export`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids, format, ...opts }),
      });
      if (!res.ok) throw await readError(res);
      const cd = res.headers.get('content-disposition') ?? '';
      // The UTF-8 form carries Chinese names; the plain one is an ASCII fallback.
      const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) ?? /filename="?([^";]+)"?/i.exec(cd);
      const filename = m?.[1] ? decodeURIComponent(m[1]) : `policy-graph.${format === 'cytoscape' ? 'cy.json' : format}`;
      const count = (h: string) => Number(res.headers.get(h) ?? 0);
      return { blob: await res.blob(), filename, nodes: count('x-node-count'), edges: count('x-edge-count') };
    },
  };
}
