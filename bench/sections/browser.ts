import type { BenchContext } from '../context.ts';
import { notMeasured, type Figure } from '../report.ts';

export async function runBrowser(_ctx: BenchContext): Promise<Figure[]> {
  return [notMeasured('browser', 'pending')];
}
