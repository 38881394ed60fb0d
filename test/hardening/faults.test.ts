import { mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, storeConfigFromEnv } from '../../graph/store/create-store.ts';
import { StoreUnavailableError } from '../../graph/store/errors.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { snapshotPath } from '../../graph/store/memory/snapshot.ts';
import { exportText, ROOT, seedGraph, spawnTs, writeCorpus } from './support.ts';

// What happens to the embedded store's snapshot when things go wrong: the ETL killed while
// writing it, or a snapshot file damaged on disk.

const openMemory = (dataDir: string) => createStore(storeConfigFromEnv({}, { kind: 'memory', dataDir }));

async function countsOf(dataDir: string): Promise<string> {
  const store = await openMemory(dataDir);
  const c = await store.counts();
  await store.close();
  return `${c.totalNodes}/${c.totalEdges}`;
}

describe('ETL killed mid-write (embedded store)', () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hardening-kill-'));
    // A corpus big enough that serialising its snapshot takes a while after the temp file opens.
    files = writeCorpus(dir, { documents: 40, seed: 3 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the previous graph when killed while writing, and the next run completes', async () => {
    const data = join(dir, 'data');
    const first = await spawnTs('graph/cli/main.ts', ['etl', `${ROOT}seeds/000_2ebb2acb91732bad.txt`, '--data', data, '--store', 'memory']).done;
    expect(first.code, first.stderr).toBe(0);
    const before = await countsOf(data);
    const snapshotBefore = readFileSync(snapshotPath(data), 'utf8');

    const run = spawnTs('graph/cli/main.ts', ['etl', ...files, '--data', data, '--store', 'memory']);
    let killedMidWrite = false;
    // The store writes a temp file next to graph.json and renames it: kill the moment it appears.
    const watcher = watch(data, (_event, name) => {
      if (name?.endsWith('.tmp') && !killedMidWrite) {
        killedMidWrite = true;
        run.child.kill('SIGKILL');
      }
    });
    const killed = await run.done;
    watcher.close();
    expect(killedMidWrite, `the ETL finished before its snapshot write could be interrupted: ${killed.stdout}`).toBe(true);
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(snapshotPath(data), 'utf8')).toBe(snapshotBefore);
    expect(await countsOf(data)).toBe(before);

    const again = await spawnTs('graph/cli/main.ts', ['etl', ...files, '--data', data, '--store', 'memory']).done;
    expect(again.code, again.stderr).toBe(0);
    const after = await countsOf(data);
    expect(after).not.toBe(before);
    expect(Number(after.split('/')[1])).toBeGreaterThan(10_000);
  });
});

describe('corrupted snapshot', () => {
  const damages: [string, (good: string) => string, RegExp][] = [
    ['not JSON at all', () => 'garbage \u0000\u0001 not json', /not valid JSON/],
    ['truncated mid-file', (good) => good.slice(0, Math.floor(good.length / 2)), /not valid JSON/],
    ['JSON of the wrong shape', () => JSON.stringify({ nodes: [{ id: 1 }], edges: 'x' }), /not Graph JSON/],
  ];

  for (const [what, damage, message] of damages) {
    it(`refuses a snapshot that is ${what}, with a clear message, and keeps the file`, async () => {
      const data = mkdtempSync(join(tmpdir(), 'hardening-corrupt-'));
      try {
        const good = new MemoryGraphStore(data);
        await good.loadGraph(seedGraph());
        await good.close();
        const bad = damage(readFileSync(snapshotPath(data), 'utf8'));
        writeFileSync(snapshotPath(data), bad);
        const err = await openMemory(data).then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(StoreUnavailableError);
        expect((err as Error).message).toMatch(message);
        expect((err as Error).message).toContain(snapshotPath(data));
        expect((err as Error).message).toMatch(/kept/);
        expect(readFileSync(snapshotPath(data), 'utf8')).toBe(bad);
      } finally {
        rmSync(data, { recursive: true, force: true });
      }
    });
  }

  it('a running store keeps its last good graph when a reload meets a corrupted file', async () => {
    const data = mkdtempSync(join(tmpdir(), 'hardening-reload-'));
    try {
      const store = await MemoryGraphStore.open(data);
      await store.loadGraph(seedGraph());
      const before = await exportText(store);
      writeFileSync(snapshotPath(data), '{"nodes": [');
      await expect(store.reloadSnapshot()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await exportText(store)).toBe(before);
      expect(readFileSync(snapshotPath(data), 'utf8')).toBe('{"nodes": [');
      await store.close();
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
