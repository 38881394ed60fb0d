import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT } from './deps.ts';

export interface ServerChild {
  base: string;
  pid: number;
  /** Current RSS of the server process, from /proc (Linux). */
  rssMb(): number | null;
  stop(): Promise<void>;
}

/** Starts a bench server script that prints `PORT <n>` when it listens. */
export function startServerChild(script: string, timeoutMs = 60_000): Promise<ServerChild> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', `${ROOT}${script}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in ${timeoutMs / 1000} s`)); }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({
        base: `http://127.0.0.1:${m[1]}`,
        pid: child.pid ?? 0,
        rssMb: () => readRssMb(child.pid ?? 0),
        stop: () => new Promise((done) => { child.once('close', () => done()); child.kill('SIGTERM'); }),
      });
    });
    child.on('close', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${err.trim().split('\n').filter((l) => !l.includes('npm warn')).slice(-2).join(' | ')}`)); });
  });
}

function readRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
