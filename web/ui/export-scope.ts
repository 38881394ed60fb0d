import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { ExportView } from '../../graph/api/index.ts';
import type { EdgeType, GraphEdge, NodeType } from '../../graph/model/index.ts';
import { NON_DOMAIN } from '../cy/clusters.ts';
import { EDGE_STYLE, NODE_STYLE } from '../cy/styles.ts';

export const EXPORT_SCOPES = ['view', 'selection', 'neighbourhood'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** What one scope would put in the file: node ids and the edges between them, counted before download. */
export interface ScopeContent {
  ids: string[];
  /** [source index, target index, type] into `ids`. */
  edges: [number, number, EdgeType][];
}

/** `rgb(0, 114, 178)` or `#0072b2` → `#0072b2`; null when it is neither. */
export function toHexColor(css: string): string | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (hex) return `#${(hex[1] as string).toLowerCase()}`;
  const m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(css.trim());
  if (!m) return null;
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

function pack(ids: string[], edges: Iterable<{ source: string; target: string; type: EdgeType }>): ScopeContent {
  const at = new Map(ids.map((id, i) => [id, i]));
  const out: [number, number, EdgeType][] = [];
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (s !== undefined && t !== undefined) out.push([s, t, e.type]);
  }
  return { ids, edges: out };
}

const drawnEdge = (e: EdgeSingular) => ({ source: e.source().id(), target: e.target().id(), type: e.data('type') as EdgeType });

/**
 * The three scopes. `view`: what is drawn (no filtered element, no "N more" control). `selection`:
 * the selected drawn nodes and the drawn edges between them. `neighbourhood`: everything fetched —
 * drawn, filtered out, or waiting behind "N more" — with every edge fetched between them.
 */
export function scopeContent(cy: Core, scope: ExportScope, known: { pendingIds: Iterable<string>; edges: Iterable<GraphEdge> }): ScopeContent {
  if (scope === 'neighbourhood') {
    const ids = [...new Set([...cy.nodes().not(NON_DOMAIN).map((n) => n.id()), ...known.pendingIds])];
    return pack(ids, known.edges);
  }
  const drawn = cy.nodes().not(NON_DOMAIN).not('.filtered');
  const nodes = scope === 'selection' ? drawn.filter(':selected') : drawn;
  const ids = nodes.map((n) => n.id());
  const edges = cy.edges().not(NON_DOMAIN).not('.filtered').map(drawnEdge);
  return pack(ids, edges);
}

/** Position, size and colour of each id as drawn; ids not on the canvas (held back) get their type's look at the origin. */
export function viewOf(cy: Core, content: ScopeContent): ExportView {
  const nodes = content.ids.map((id) => {
    const n = cy.getElementById(id) as NodeSingular;
    const type = (n.nonempty() ? n.data('type') : id.slice(0, id.indexOf(':'))) as string;
    const fallback = (Object.entries(NODE_STYLE).find(([k]) => k.toLowerCase() === type.toLowerCase())?.[1].color) ?? '#888888';
    if (n.empty()) return { x: 0, y: 0, size: 22, color: fallback };
    const p = n.position();
    const color = toHexColor(String(n.style('background-color') ?? '')) ?? NODE_STYLE[n.data('type') as NodeType]?.color ?? fallback;
    return { x: p.x, y: p.y, size: Number(n.data('size')) || 22, color };
  });
  const edgeStyle: ExportView['edgeStyle'] = {};
  for (const [type, s] of Object.entries(EDGE_STYLE) as [EdgeType, (typeof EDGE_STYLE)[EdgeType]][]) edgeStyle[type] = { color: s.color.toLowerCase(), width: s.width };
  return { nodes, edges: content.edges, edgeStyle };
}

/** Hops from `root` over the content's edges (either direction): the "depth" a file name reports. */
export function depthFrom(root: string, content: ScopeContent): number {
  const start = content.ids.indexOf(root);
  if (start < 0) return 0;
  const adj = content.ids.map(() => [] as number[]);
  for (const [s, t] of content.edges) { adj[s]?.push(t); adj[t]?.push(s); }
  const dist = new Map([[start, 0]]);
  const queue = [start];
  let max = 0;
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i] as number;
    const d = dist.get(u) as number;
    for (const v of adj[u] ?? []) if (!dist.has(v)) { dist.set(v, d + 1); max = Math.max(max, d + 1); queue.push(v); }
  }
  return max;
}

/** A file name stem that says what: `科技信息局-depth2-2026-12-03`, `新药创制-view-…`, `…-selection-5-…`. */
export function exportFileStem(subject: string | null, scope: ExportScope, content: ScopeContent, root: string | null, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const name = (subject ?? 'policy-graph').replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^[_.-]+/, '').slice(0, 60) || 'policy-graph';
  const what = scope === 'selection' ? `selection-${content.ids.length}` : scope === 'view' ? 'view' : `depth${root ? depthFrom(root, content) : 1}`;
  return `${name}-${what}-${day}`;
}
