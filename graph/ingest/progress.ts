export interface ProgressTick {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  current: string;
}

export interface ProgressSink {
  update(p: ProgressTick): void;
  finish(): void;
}

interface Out {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/**
 * Files done / total, throughput and ETA on stderr. Silent for runs under `quietMs` (a single
 * small file should not flash a bar); a redrawn bar on a terminal, a line per second otherwise.
 */
export function createProgress(out: Out = process.stderr, options: { quietMs?: number; now?: () => number } = {}): ProgressSink {
  const now = options.now ?? (() => performance.now());
  const quietMs = options.quietMs ?? 1000;
  const t0 = now();
  let lastPlain = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const elapsed = now() - t0;
      if (elapsed < quietMs) return;
      const line = formatProgress(p, elapsed);
      if (out.isTTY) {
        const width = Math.max(20, (out.columns ?? 100) - 1);
        out.write(`\r${line.slice(0, width).padEnd(width)}`);
        drawn = true;
      } else if (elapsed - lastPlain >= 1000 || p.done === p.total) {
        out.write(`${line}\n`);
        lastPlain = elapsed;
      }
    },
    finish() {
      if (drawn) out.write(`\r${' '.repeat(Math.max(20, (out.columns ?? 100) - 1))}\r`);
    },
  };
}

export function formatProgress(p: ProgressTick, elapsedMs: number): string {
  const frac = p.totalBytes > 0 ? p.bytes / p.totalBytes : p.total > 0 ? p.done / p.total : 1;
  const bar = '#'.repeat(Math.round(frac * 20)).padEnd(20, '.');
  const secs = elapsedMs / 1000;
  const mbps = secs > 0 ? p.bytes / 1e6 / secs : 0;
  const eta = frac > 0 && frac < 1 ? (secs * (1 - frac)) / frac : 0;
  return `[${bar}] ${p.done}/${p.total} files  ${mbps.toFixed(1)} MB/s  ETA ${formatSeconds(eta)}  ${p.current}`;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.ceil(s - m * 60)).padStart(2, '0')}s`;
}
