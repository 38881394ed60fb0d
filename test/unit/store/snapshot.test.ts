import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, StoreUnavailableError } from '../../../graph/store/errors.ts';
import { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import { graphJsonPieces, readSnapshot, snapshotPath, writeSnapshot } from '../../../graph/store/memory/snapshot.ts';
import { smallGraph } from '../../fixtures/small-graph.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pg-snapshot-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('embedded store snapshot', () => {
  it('persists a load and reads it back at start-up', async () => {
    const a = await MemoryGraphStore.open(dir);
    await a.loadGraph(smallGraph());
    const b = await MemoryGraphStore.open(dir);
    expect(await b.exportGraph()).toEqual(smallGraph());
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('starts empty without a snapshot', async () => {
    const s = await MemoryGraphStore.open(join(dir, 'missing'));
    expect((await s.counts()).totalNodes).toBe(0);
    expect(await readSnapshot(join(dir, 'nothing.json'))).toBeNull();
  });

  it('a refused load leaves the previous snapshot file untouched', async () => {
    const s = await MemoryGraphStore.open(dir);
    await s.loadGraph(smallGraph());
    const before = await readFile(snapshotPath(dir), 'utf8');
    await expect(s.loadGraph({ nodes: [], edges: [{ ...smallGraph().edges[0]! }] })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await readFile(snapshotPath(dir), 'utf8')).toBe(before);
  });

  it('a failed snapshot write keeps the in-memory graph and leaves no temp file', async () => {
    const dataDir = join(dir, 'data');
    const s = await MemoryGraphStore.open(dataDir);
    await s.loadGraph(smallGraph());
    // Make the data directory unusable: a plain file where it should be.
    await rm(dataDir, { recursive: true });
    await writeFile(dataDir, 'not a directory', 'utf8');
    await expect(s.loadGraph({ nodes: [], edges: [] })).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(s.clear()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await s.counts()).totalNodes).toBe(18);
    expect((await readdir(dir)).sort()).toEqual(['data']);
  });

  it('refuses a corrupt snapshot with a clear message and keeps the file', async () => {
    await writeFile(snapshotPath(dir), '{"nodes": [', 'utf8');
    await expect(MemoryGraphStore.open(dir)).rejects.toThrow(/graph\.json is not valid JSON.*file was kept/);
    await writeFile(snapshotPath(dir), '{"nodes": [{"id": 1}], "edges": []}', 'utf8');
    await expect(readSnapshot(snapshotPath(dir))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await readFile(snapshotPath(dir), 'utf8')).toContain('"id": 1');
  });

  it('refuses a snapshot whose edges point at missing nodes, naming the file', async () => {
    const g = smallGraph();
    await writeFile(snapshotPath(dir), JSON.stringify({ nodes: g.nodes.slice(1), edges: g.edges }), 'utf8');
    await expect(MemoryGraphStore.open(dir)).rejects.toThrow(/graph\.json is inconsistent.*file was kept/);
  });

  it('a corrupt snapshot on reload keeps the graph already in memory', async () => {
    const s = await MemoryGraphStore.open(dir);
    await s.loadGraph(smallGraph());
    await writeFile(snapshotPath(dir), 'garbage', 'utf8');
    await expect(s.reloadSnapshot()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await s.counts()).totalNodes).toBe(18);
  });

  it('writeSnapshot replaces the file whole', async () => {
    const path = snapshotPath(dir);
    await writeSnapshot(path, smallGraph());
    await writeSnapshot(path, { nodes: [], edges: [] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ nodes: [], edges: [] });
  });
});

describe('graphJsonPieces', () => {
  it('writes in pieces exactly what JSON.stringify writes whole', () => {
    const g = smallGraph();
    for (const per of [1, 2, 7, 1000]) expect([...graphJsonPieces(g, per)].join('')).toBe(JSON.stringify(g));
    expect([...graphJsonPieces({ nodes: [], edges: [] })].join('')).toBe('{"nodes":[],"edges":[]}');
    expect([...graphJsonPieces(g, 2)].length).toBe(3 + Math.ceil(g.nodes.length / 2) + Math.ceil(g.edges.length / 2));
  });
});
