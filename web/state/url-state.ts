import { EDGE_TYPES, NODE_TYPES } from '../../graph/model/index.ts';
import type { EdgeType, NodeType } from '../../graph/model/index.ts';
import { LAYOUTS } from '../cy/layouts.ts';
import type { LayoutName } from '../cy/layouts.ts';
import type { SizeMode } from '../cy/to-cy-elements.ts';
import { defaultFilters, isAgencyLevel } from './filters.ts';
import type { Filters } from './filters.ts';

/** Panel ids: the built-in ones and any a module registers later (e.g. documents), so any kebab-case id. */
export type ViewName = string;
const VIEW_ID = /^[a-z][a-z0-9-]{0,30}$/;

/** Everything a shared link must reproduce. Node ids never contain commas (model/ids.ts). */
export interface ViewState {
  focus: string | null;
  expanded: string[];
  filters: Filters;
  layout: LayoutName;
  size: SizeMode;
  view: ViewName | null;
  /** The view's own argument: technology for trace, agency for workload, "from,to" for paths. */
  arg: string | null;
  selected: string | null;
  /** What filled the canvas before expansions (see ui/canvas-source.ts), e.g. `trace:technology:…`. */
  source: string | null;
}

export function defaultViewState(): ViewState {
  return { focus: null, expanded: [], filters: defaultFilters(), layout: 'fcose', size: 'degree', view: null, arg: null, selected: null, source: null };
}

function list(v: string | null): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
function oneOf<T extends string>(values: readonly T[], v: string | null): T | null {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
}
function year(v: string | null): number | null {
  if (!v || !/^\d{4}$/.test(v)) return null;
  return Number(v);
}

/** Only what differs from the defaults goes in, so links stay short. */
export function encodeViewState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.focus) p.set('focus', s.focus);
  if (s.expanded.length) p.set('exp', s.expanded.join(','));
  const f = s.filters;
  if (f.nodeTypes.length !== NODE_TYPES.length) p.set('nt', f.nodeTypes.join(','));
  if (f.edgeTypes.length !== EDGE_TYPES.length) p.set('et', f.edgeTypes.join(','));
  if (f.doc) p.set('doc', f.doc);
  if (f.level) p.set('level', f.level);
  if (f.yearFrom !== null) p.set('yf', String(f.yearFrom));
  if (f.yearTo !== null) p.set('yt', String(f.yearTo));
  if (s.layout !== 'fcose') p.set('layout', s.layout);
  if (s.size !== 'degree') p.set('size', s.size);
  if (s.view) p.set('view', s.view);
  if (s.arg) p.set('arg', s.arg);
  if (s.selected) p.set('sel', s.selected);
  if (s.source) p.set('src', s.source);
  return p.toString();
}

/** Tolerant: anything unknown or malformed falls back to the default rather than failing the load. */
export function decodeViewState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const s = defaultViewState();
  s.focus = p.get('focus') || null;
  s.expanded = list(p.get('exp'));
  const nt = list(p.get('nt')).filter((t): t is NodeType => (NODE_TYPES as readonly string[]).includes(t));
  if (p.has('nt') && nt.length) s.filters.nodeTypes = nt;
  const et = list(p.get('et')).filter((t): t is EdgeType => (EDGE_TYPES as readonly string[]).includes(t));
  if (p.has('et') && et.length) s.filters.edgeTypes = et;
  s.filters.doc = p.get('doc') || null;
  const level = p.get('level');
  s.filters.level = isAgencyLevel(level) ? level : null;
  s.filters.yearFrom = year(p.get('yf'));
  s.filters.yearTo = year(p.get('yt'));
  s.layout = oneOf(LAYOUTS, p.get('layout')) ?? 'fcose';
  s.size = oneOf(['degree', 'workload'] as const, p.get('size')) ?? 'degree';
  const view = p.get('view');
  s.view = view && VIEW_ID.test(view) ? view : null;
  s.arg = p.get('arg') || null;
  s.selected = p.get('sel') || null;
  s.source = p.get('src') || null;
  return s;
}
