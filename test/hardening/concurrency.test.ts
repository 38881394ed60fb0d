import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import type { Counts, GraphStore } from '../../graph/store/types.ts';
import { generateGraph } from '../../bench/synthetic/graph-json.ts';
import { seedGraph, startApp, type RunningApp } from './support.ts';

// Readers during a re-ingest must see the old graph or the new one, never a mix.
// A "version" is the full per-type count signature, so half-applied writes show up.

function signature(c: Pick<Counts, 'nodes' | 'edges' | 'totalNodes' | 'totalEdges'>): string {
  const sorted = (r: Record<string, number | undefined>) => Object.entries(r).filter(([, v]) => v).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([c.totalNodes, c.totalEdges, sorted(c.nodes), sorted(c.edges)]);
}

async function signatureOf(graph: GraphJson): Promise<string> {
  const s = new MemoryGraphStore(null);
  await s.loadGraph(graph);
  const sig = signature(await s.counts());
  await s.close();
  return sig;
}

/** Keeps reading until `until` settles; returns the signatures seen while it was pending. */
async function readDuring(until: Promise<unknown>, read: () => Promise<string>, readers = 4): Promise<string[]> {
  let pending = true;
  void until.finally(() => (pending = false));
  const seen: string[] = [];
  await Promise.all(
    Array.from({ length: readers }, async () => {
      // Yield to the event loop each turn: store reads may resolve in microtasks only, and the
      // write's file I/O must get its turn or the loop would never end.
      while (pending && seen.length < 100_000) {
        const sig = await read();
        if (pending) seen.push(sig);
        await new Promise((r) => setImmediate(r));
      }
    }),
  );
  return seen;
}

describe('readers during a re-ingest', () => {
  const next = generateGraph(40_000, 99);
  let dataDir: string;
  let store: GraphStore;
  let oldSig: string;
  let newSig: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hardening-concurrency-'));
    [oldSig, newSig] = [await signatureOf(seedGraph()), await signatureOf(next)];
    expect(oldSig).not.toBe(newSig);
    // With a data directory the load writes a snapshot, so readers really interleave with the write.
    store = await MemoryGraphStore.open(dataDir);
    app = await startApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('store readers see the old graph or the new one during loadGraph', async () => {
    await store.loadGraph(seedGraph());
    const seen = await readDuring(store.loadGraph(next), async () => signature(await store.counts()));
    expect(seen.length).toBeGreaterThan(0);
    for (const sig of new Set(seen)) expect([oldSig, newSig]).toContain(sig);
    expect(signature(await store.counts())).toBe(newSig);
  });

  it('HTTP readers see the old graph or the new one during loadGraph', async () => {
    await store.loadGraph(seedGraph());
    const seen = await readDuring(store.loadGraph(next), async () => {
      const body = (await (await fetch(`${app.base}/api/health`)).json()) as { counts: Counts };
      return signature(body.counts);
    });
    expect(seen.length).toBeGreaterThan(0);
    for (const sig of new Set(seen)) expect([oldSig, newSig]).toContain(sig);
  });

  it('a document replaced while readers query its nodes is seen whole or not at all', async () => {
    await store.loadGraph(seedGraph());
    const doc = '000_2ebb2acb91732bad.txt';
    const fragment: GraphJson = {
      nodes: seedGraph().nodes.filter((n) => n.evidence.some((e) => e.doc === doc)).slice(0, 50),
      edges: [],
    };
    const after = new MemoryGraphStore(null);
    await after.loadGraph(seedGraph());
    await after.replaceDocument(doc, fragment);
    const afterSig = signature(await after.counts());
    await after.close();
    const seen = await readDuring(store.replaceDocument(doc, fragment), async () => signature(await store.counts()));
    expect(seen.length).toBeGreaterThan(0);
    for (const sig of new Set(seen)) expect([oldSig, afterSig]).toContain(sig);
    expect(signature(await store.counts())).toBe(afterSig);
  });
});
