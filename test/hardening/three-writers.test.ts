import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { checkDataDir } from './data-dir-check.ts';
import { PlanDocs } from './plan-docs.ts';
import { ROOT, spawnTs, waitForOutput, type Spawned } from './support.ts';
import { UploadClient } from './upload-client.ts';

// Two `kg ingest` processes and a stream of uploads to a running server (ALLOW_UPLOADS=1), all
// on one data dir at once, for 20 rounds of new documents: every document a writer was told is
// new must be listed, have its facts on disk, and be what the server shows after a reload.

const ROUNDS = 20;
const PER_ROUND = 2;
const ADMIN_TOKEN = 'three-writers-admin-token-0123456789';

interface LoadedDoc {
  file: string;
  inStore: { nodes: number; edges: number };
}

describe('two kg ingest processes and an upload stream on one data dir', () => {
  let dir: string;
  let data: string;
  let server: Spawned;
  let origin: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'three-writers-'));
    data = join(dir, 'data');
    // The server seeds the empty data dir at start, under the same lock as every writer.
    server = spawnTs('server/main.ts', [], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: data, ALLOW_UPLOADS: '1', ADMIN_TOKEN, WEB_DIR: join(dir, 'no-web') });
    const m = await waitForOutput(server, /serving UI and API on (http:\/\/127\.0\.0\.1:\d+)\//);
    origin = m[1]!;
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.done;
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${ROUNDS} rounds lose no document`, async () => {
    const t0 = performance.now();
    // One work area per plan: small documents keep the graph every writer re-reads small.
    const docs = new PlanDocs(7, join(dir, 'in'), 1);
    const uploads = new UploadClient(origin);
    const reported = { a: [] as string[], b: [] as string[], upload: [] as string[] };
    const cli = async (writer: 'a' | 'b', paths: string[]) => {
      const r = await spawnTs('graph/cli/main.ts', ['ingest', ...paths, '--store', 'memory', '--data', data, '--json']).done;
      expect(r.code, `kg ingest (${writer}) failed: ${r.stderr.slice(-600)}`).toBe(0);
      const summary = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { files: { status: string; file?: string }[] };
      expect(summary.files.map((f) => f.status)).toEqual(paths.map(() => 'new'));
      reported[writer].push(...summary.files.map((f) => f.file!));
    };
    const upload = async (paths: string[]) => {
      for (const p of paths) {
        const r = await uploads.upload(p);
        expect(r.status, JSON.stringify(r.files)).toBe(200);
        expect(r.files.map((f) => f.status)).toEqual(['new']);
        reported.upload.push(r.files[0]!.file!);
      }
    };
    // Distinct documents per writer and round: the index is a document's 文号 and URL.
    const batch = (writer: number, round: number) => Array.from({ length: PER_ROUND }, (_, k) => docs.write(10_000 * writer + PER_ROUND * round + k));
    const roundMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const tr = performance.now();
      await Promise.all([cli('a', batch(1, round)), cli('b', batch(2, round)), upload(batch(3, round))]);
      roundMs.push(performance.now() - tr);
    }
    const written = [...reported.a, ...reported.b, ...reported.upload];
    expect(new Set(written).size).toBe(3 * ROUNDS * PER_ROUND);

    // On disk: listed in documents.json, with facts in the graph (graph.json and its log).
    const index = JSON.parse(readFileSync(join(data, 'documents.json'), 'utf8')) as { documents: { file: string }[] };
    const listed = new Set(index.documents.map((d) => d.file));
    const store = await MemoryGraphStore.open(data);
    const graph = await store.exportGraph();
    await store.close();
    const cited = new Set([...graph.nodes, ...graph.edges].flatMap((x) => x.evidence.map((e) => e.doc)));
    const lostOnDisk = written.filter((f) => !listed.has(f) || !cited.has(f));

    // The server, after a revision check: the same documents with facts, the same graph.
    const reload = await fetch(`${origin}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(reload.status).toBe(200);
    const counts = (await reload.json()) as { totalNodes: number; totalEdges: number };
    const shown = ((await (await fetch(`${origin}/api/documents/loaded`)).json()) as { documents: LoadedDoc[] }).documents;
    const byFile = new Map(shown.map((d) => [d.file, d]));
    const lostOnServer = written.filter((f) => !((byFile.get(f)?.inStore.edges ?? 0) > 0));

    const wallS = (performance.now() - t0) / 1000;
    console.log(
      `three writers: ${ROUNDS} rounds, ${written.length} documents written (kg ingest ${reported.a.length} + ${reported.b.length}, uploads ${reported.upload.length}), ` +
        `lost ${lostOnDisk.length} on disk, ${lostOnServer.length} on the server; wall ${wallS.toFixed(1)} s (rounds ${(Math.min(...roundMs) / 1000).toFixed(1)}–${(Math.max(...roundMs) / 1000).toFixed(1)} s)`,
    );
    expect(lostOnDisk).toEqual([]);
    expect(lostOnServer).toEqual([]);
    expect([counts.totalNodes, counts.totalEdges]).toEqual([graph.nodes.length, graph.edges.length]);
    const check = await checkDataDir(data, join(ROOT, 'seeds'));
    expect(check.problems).toEqual([]);
  }, 480_000);
});
