import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createStore } from '../../graph/store/create-store.ts';
import { describeGraphStore } from './graph-store.contract.ts';

// The embedded store always runs the contract, persisting to a throw-away data directory.
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describeGraphStore('memory', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pg-contract-'));
  dirs.push(dataDir);
  return createStore({ kind: 'memory', dataDir });
});
