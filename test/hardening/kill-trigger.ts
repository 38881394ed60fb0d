import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Prng } from '../../bench/synthetic/prng.ts';

/**
 * When a writer is SIGKILLed: at a delay after it started (mostly start-up and reading), at a
 * delay after it took the data dir's lock (reading and the ETL), when its first temp file
 * appears (staging a commit), or when its commit record appears (applying a commit).
 */
export type Trigger =
  | { kind: 'after-start'; ms: number }
  | { kind: 'after-lock'; ms: number }
  | { kind: 'staging'; ms: number }
  | { kind: 'committing'; ms: number };

export function pickTrigger(rng: Prng): Trigger {
  const kinds = ['after-start', 'after-lock', 'staging', 'committing'] as const;
  const kind = rng.pick(kinds);
  const ms = kind === 'after-start' ? rng.int(200, 1800) : kind === 'after-lock' ? rng.int(0, 600) : rng.int(0, 15);
  return { kind, ms };
}

export const describeTrigger = (t: Trigger) => `${t.kind}+${t.ms}ms`;

/** Arms `trigger` against `child` writing `dataDir`; returns the disarm. `startedAt` is performance.now() at spawn. */
export function armKill(child: ChildProcess, dataDir: string, trigger: Trigger, startedAt: number): () => void {
  const timers: NodeJS.Timeout[] = [];
  const watchers: FSWatcher[] = [];
  let fired = false;
  const fire = (delay: number) => {
    if (fired) return;
    fired = true;
    timers.push(setTimeout(() => child.kill('SIGKILL'), Math.max(0, delay)));
  };
  const ours = (dir: string, name: string) => {
    if (trigger.kind === 'after-lock') {
      if (name !== 'write.lock') return false;
      try {
        return (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { pid?: number }).pid === child.pid;
      } catch {
        return false; // created, owner not written yet: the next change event tells
      }
    }
    const wanted = trigger.kind === 'staging' ? name.endsWith('.tmp') : name === 'commit.json';
    return wanted && existsSync(join(dir, name)); // a deletion is an event too
  };
  if (trigger.kind === 'after-start') fire(trigger.ms - (performance.now() - startedAt));
  else {
    for (const dir of [dataDir, join(dataDir, 'sources'), join(dataDir, 'graph-log')]) {
      try {
        watchers.push(watch(dir, (_e, name) => name && ours(dir, name) && fire(trigger.ms)));
      } catch {
        // not there yet: the data dir itself is always watched
      }
    }
  }
  return () => {
    for (const t of timers) clearTimeout(t);
    for (const w of watchers) w.close();
  };
}
