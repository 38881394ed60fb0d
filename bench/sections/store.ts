import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { below, figure, notMeasured, skipped, type Figure } from '../report.ts';
import { QUERY_NAMES, type StoreChildResult } from './store-types.ts';

const LABELS: Record<(typeof QUERY_NAMES)[number], string> = {
  search: 'search',
  neighbors2: 'neighbours depth 2',
  shortestPath: 'shortest path',
  workload: 'workload',
  trace: 'trace',
};

function sizeLabel(size: string, edges?: number): string {
  if (size === 'seed') return 'seed graph';
  return `synthetic ${Number(size).toLocaleString('en-US')}${edges ? ` (${edges.toLocaleString('en-US')} edges)` : ''}`;
}

/**
 * Median targets from the issues: seed graph < 1 ms, 1M-edge graph < 10 ms (search, neighbours);
 * shortest paths ≤ 2 ms at 1M edges (search from both ends; one-sided search took 11–16 ms).
 */
function targetOf(size: string, query: string, median: number): { text: string; ok: boolean } | undefined {
  if (query === 'shortestPath') return Number(size) >= 1_000_000 ? { text: '≤ 2 ms', ok: median <= 2 } : undefined;
  const t = targetMs(size, query);
  return t === undefined ? undefined : below(median, t, 'ms');
}

function targetMs(size: string, query: string): number | undefined {
  if (query !== 'search' && query !== 'neighbors2') return undefined;
  if (size === 'seed') return 1;
  if (Number(size) >= 1_000_000) return 10;
  return undefined;
}

function figuresOf(r: StoreChildResult): Figure[] {
  const label = `${r.kind} ${sizeLabel(r.size, r.edges)}`;
  const out: Figure[] = [figure(`${label}: load`, r.elementsPerSec, 'elements/s'), figure(`${label}: load time`, r.loadMs, 'ms')];
  for (const name of QUERY_NAMES) {
    const s = r.queries[name];
    if ('error' in s) {
      out.push(notMeasured(`${label}: ${LABELS[name]}`, s.error));
      continue;
    }
    out.push(figure(`${label}: ${LABELS[name]} median`, s.median, 'ms', targetOf(r.size, name, s.median)));
    out.push(figure(`${label}: ${LABELS[name]} p95 (n=${s.n})`, s.p95, 'ms'));
  }
  return out;
}

export async function runStores(ctx: BenchContext): Promise<Figure[]> {
  const out: Figure[] = [];
  const sizes = ctx.quick ? ['seed', '10000'] : ['seed', '10000', '100000', '1000000'];
  const plans: { kind: 'memory' | 'neo4j'; sizes: string[] }[] = [{ kind: 'memory', sizes }];
  if (process.env.NEO4J_URI) plans.push({ kind: 'neo4j', sizes: sizes.filter((s) => s === 'seed' || Number(s) <= 100_000) });
  else out.push(skipped('neo4j load and queries', 'NEO4J_URI is not set'));
  for (const plan of plans) {
    for (const size of plan.sizes) {
      // The 1M-edge run takes a minute or two; skip it rather than overrun the 10-minute budget.
      if (Number(size) >= 1_000_000 && ctx.elapsedMs() > 200_000) {
        out.push(notMeasured(`${plan.kind} ${sizeLabel(size)}`, 'time budget of the bench spent'));
        continue;
      }
      const runs = ctx.quick ? '50' : '200';
      const res = await runChild<StoreChildResult>('bench/sections/store-child.ts', ['--kind', plan.kind, '--size', size, '--runs', runs], 240_000);
      if (!res.ok || !res.value) {
        out.push(notMeasured(`${plan.kind} ${sizeLabel(size)}`, res.error ?? 'no result'));
        continue;
      }
      out.push(...figuresOf(res.value));
      if (plan.kind === 'memory') ctx.rss.push({ label: `store ${sizeLabel(size, res.value.edges)}`, maxRssMb: res.value.maxRssMb });
    }
  }
  return out;
}
