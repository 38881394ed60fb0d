import { spawn } from 'node:child_process';
import { ROOT } from './deps.ts';

export interface ChildResult<T> {
  ok: boolean;
  value?: T;
  error?: string;
  maxRssMb?: number;
}

/**
 * Runs a bench script in its own Node process (via tsx) so each graph size starts with a
 * clean heap and its peak RSS is its own. The script prints its result as the last stdout line.
 */
export function runChild<T>(script: string, args: string[], timeoutMs: number, nodeFlags: string[] = []): Promise<ChildResult<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', ...nodeFlags, `${ROOT}${script}`, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(signal ? `killed by ${signal} (time limit ${timeoutMs / 1000} s)` : `exit ${code}`);
        resolve({ ok: true, value: JSON.parse(last) as T });
      } catch (e) {
        const tail = err.trim().split('\n').filter((l) => !l.includes('npm warn')).slice(-3).join(' | ');
        resolve({ ok: false, error: `${(e as Error).message}${tail ? `: ${tail}` : ''}` });
      }
    });
  });
}

/** For child scripts: print the result as one JSON line, peak RSS included. */
export function reportFromChild(value: object): void {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n${JSON.stringify({ ...value, maxRssMb })}\n`);
}
