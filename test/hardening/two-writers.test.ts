import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { spawnTs, writeCorpus } from './support.ts';

// Two `kg ingest` processes on one data dir at once: the data dir's lock lets one write at a
// time, so every document of both ends up listed, with its facts, and none is lost.

describe('two kg ingest processes on one data dir', () => {
  let dir: string;
  let a: string[];
  let b: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'two-writers-'));
    // One corpus, so every document has its own 文号 and URL; half to each writer.
    const all = writeCorpus(dir, { documents: 20, seed: 11 });
    a = all.slice(0, 10);
    b = all.slice(10);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('both succeed, one after the other: all 20 documents are listed, each with its facts', async () => {
    const data = join(dir, 'data');
    const run = (files: string[]) => spawnTs('graph/cli/main.ts', ['ingest', ...files, '--store', 'memory', '--data', data]);
    const [ra, rb] = await Promise.all([run(a).done, run(b).done]);
    for (const r of [ra, rb]) expect(r.code, r.stderr).toBe(0);
    for (const r of [ra, rb]) expect(r.stdout).toContain('documents: 10 new, 0 updated, 0 unchanged, 0 refused, 0 failed');
    const index = JSON.parse(readFileSync(join(data, 'documents.json'), 'utf8')) as { documents: { file: string; origin: string }[] };
    const ingested = index.documents.filter((d) => d.origin === 'ingested').map((d) => d.file);
    expect(ingested).toHaveLength(20);
    const store = await MemoryGraphStore.open(data);
    const graph = await store.exportGraph();
    await store.close();
    const withFacts = new Set(graph.edges.flatMap((e) => e.evidence.map((x) => x.doc)));
    expect(ingested.filter((f) => !withFacts.has(f))).toEqual([]);
  }, 180_000);
});
