import type { BenchContext } from '../context.ts';
import { notMeasured, type Figure } from '../report.ts';

export async function runHttp(_ctx: BenchContext): Promise<Figure[]> {
  return [notMeasured('http', 'pending')];
}
