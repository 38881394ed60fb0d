// Small statistics and timing helpers shared by every bench section.

/** Value at quantile q (0..1) of an unsorted sample, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function p95(values: readonly number[]): number {
  return quantile(values, 0.95);
}

export interface Timing {
  /** Wall-clock milliseconds. */
  wallMs: number;
  /** User + system CPU milliseconds of this process. */
  cpuMs: number;
}

/** Wall and CPU time of one call; CPU time is what "per core" figures divide by. */
export async function timeIt<T>(fn: () => T | Promise<T>): Promise<{ value: T } & Timing> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export interface Sampled {
  median: number;
  p95: number;
  n: number;
}

/**
 * Repeats an async call and returns median and p95 wall time in ms.
 * Stops at `runs` samples or when `budgetMs` is spent (at least `minSamples`), so slow
 * queries on big graphs do not blow the bench's time budget.
 */
export async function sample(fn: (i: number) => unknown, runs: number, budgetMs = 5_000, minSamples = 5): Promise<Sampled> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
    if (i >= minSamples - 1 && performance.now() - start > budgetMs) break;
  }
  return { median: median(times), p95: p95(times), n: times.length };
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}

/** Round for display: 3 significant digits, integers above 1000. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (n === 0) return '0';
  return Number(n.toPrecision(3)).toString();
}
