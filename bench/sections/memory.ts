import type { BenchContext } from '../context.ts';
import { figure, notMeasured, type Figure } from '../report.ts';

/** Peak RSS per graph size, taken from the child processes the other sections ran. */
export async function runMemory(ctx: BenchContext): Promise<Figure[]> {
  if (ctx.rss.length === 0) return [notMeasured('peak RSS', 'no sized runs completed (run the Stores section)')];
  return ctx.rss.map((r) => figure(`${r.kind === 'current' ? 'RSS' : 'peak RSS'}: ${r.label}`, r.maxRssMb, 'MB'));
}
