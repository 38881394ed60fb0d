import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../graph/store/create-store.ts';
import { describeGraphStore } from './graph-store.contract.ts';
import { seedGraph } from './seed-graph.ts';

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

describe('embedded store: snapshot round trip', () => {
  it('a restart reads the seed graph back from data/graph.json unchanged', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pg-restart-'));
    dirs.push(dataDir);
    const first = await createStore({ kind: 'memory', dataDir });
    await first.loadGraph(await seedGraph());
    await first.close();
    const second = await createStore({ kind: 'memory', dataDir });
    expect(await second.exportGraph()).toEqual(await seedGraph());
  });
});
