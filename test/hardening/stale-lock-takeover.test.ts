import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireWriteLock, LOCK_FILE } from '../../graph/store/data-dir/write-lock.ts';

// A lock left by a killed writer is taken over by whoever comes next. When several writers see
// the same stale lock at once, only one may take it: the others must not move the new owner's
// lock aside as if it were the stale one.

/** A pid no process can have: above the kernel's largest pid_max (2^22). */
const DEAD_PID = 2 ** 22 + 1;

describe('stale lock taken over by several writers at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stale-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the lock to one writer at a time', async () => {
    for (let round = 0; round < 5; round++) {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: hostname(), started: '2026-01-01T00:00:00.000Z', command: 'killed' }));
      let holders = 0;
      let most = 0;
      const writer = async () => {
        const lock = await acquireWriteLock(dir, { command: 'test', waitMs: 20_000 });
        holders++;
        most = Math.max(most, holders);
        await new Promise((r) => setTimeout(r, 5));
        holders--;
        await lock.release();
      };
      await Promise.all(Array.from({ length: 8 }, writer));
      expect(most, `round ${round}: writers holding the lock at once`).toBe(1);
    }
  });
});
