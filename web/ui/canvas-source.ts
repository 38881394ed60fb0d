import type { ApiClient, Subgraph } from '../api/client.ts';

/**
 * What filled the canvas before any expansion, in a form a URL can carry:
 * `trace:<technology>`, `tasks:<agency id>` (workload bar), `paths:<from>,<to>`.
 */
export type CanvasSource = string;

export function traceSource(technology: string): CanvasSource { return `trace:${technology}`; }
export function tasksSource(agencyId: string): CanvasSource { return `tasks:${agencyId}`; }
export function pathsSource(from: string, to: string): CanvasSource { return `paths:${from},${to}`; }

/** Fetch the subgraph a source stands for, plus the ids to highlight (paths); null for an unknown source. */
export async function loadSource(api: ApiClient, source: CanvasSource): Promise<{ sub: Pick<Subgraph, 'nodes' | 'edges'>; highlight?: string[] } | null> {
  const i = source.indexOf(':');
  const kind = source.slice(0, i);
  const arg = source.slice(i + 1);
  if (kind === 'trace') return { sub: (await api.trace(arg)).subgraph };
  if (kind === 'tasks') return { sub: await api.neighbors(arg, { edgeTypes: ['LEADS', 'COOPERATES'], nodeTypes: ['Agency', 'Task'] }) };
  if (kind === 'paths') {
    const [from, to] = arg.split(',');
    if (!from || !to) return null;
    const res = await api.paths(from, to, 3);
    return { sub: res.subgraph, highlight: [...new Set(res.paths.flatMap((p) => [...p.nodes, ...p.edges]))] };
  }
  return null;
}
