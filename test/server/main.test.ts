import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsistencyResponseSchema, DocumentLinesResponseSchema, HealthResponseSchema } from '../../graph/api/index.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { seedIfEmpty } from '../../server/seed.ts';
import { getJson, seedGraph } from './helpers.ts';

/** Starts server/main.ts as `npm start` does (minus the UI build) and waits for the printed URL. */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /serving UI and API on (http:\/\/\S+)\//.exec(out);
      if (m?.[1]) resolve({ child, url: m[1], output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('server/main.ts', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pg-main-'));
    server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIR: join(dataDir, 'no-web'), NEO4J_URI: '' });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads the seeds into an empty store, persists them and prints what it did', async () => {
    const { graph } = await seedGraph();
    expect(server.output()).toMatch(/store was empty: loaded 2 seed documents/);
    const h = await getJson(server.url, '/api/health', HealthResponseSchema);
    expect(h.counts.totalNodes).toBe(graph.nodes.length);
    const saved = JSON.parse(await readFile(join(dataDir, 'graph.json'), 'utf8')) as { nodes: unknown[] };
    expect(saved.nodes).toHaveLength(graph.nodes.length);
  });

  it('serves source lines and the consistency report from the seeds', async () => {
    const lines = await getJson(server.url, '/api/documents/004_6d8794a7fddf0732.txt/lines?from=1&to=1', DocumentLinesResponseSchema);
    expect(lines.lines[0]?.text).toMatch(/^http/);
    const c = await getJson(server.url, '/api/consistency', ConsistencyResponseSchema);
    expect(c.findings).toHaveLength((await seedGraph()).findings.length);
  });

  it('mounts the document library routes with uploads off by default', async () => {
    const status = (await (await fetch(`${server.url}/api/uploads`)).json()) as { enabled: boolean };
    expect(status.enabled).toBe(false);
    const loaded = (await (await fetch(`${server.url}/api/documents/loaded`)).json()) as { documents: { file: string; report?: { tableRows: number; responsibilityEdges: number; warnings: unknown[] } }[] };
    expect(loaded.documents).toHaveLength(2);
    // Each listed document carries what was read from it: seed 000's table and clauses, 004's catalogue text.
    expect(loaded.documents.map((d) => [d.file, d.report?.tableRows, d.report?.responsibilityEdges])).toEqual([
      ['000_2ebb2acb91732bad.txt', 124, 872],
      ['004_6d8794a7fddf0732.txt', 0, 0],
    ]);
    const res = await fetch(`${server.url}/api/admin/documents?name=x.txt`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'text' });
    expect(res.status).toBe(404);
  });

  it('refuses a bad PORT with one line naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: 'abc', DATA_DIR: dataDir } });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toMatch(/^policy-graph: PORT: /);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('seedIfEmpty', () => {
  it('leaves a store that already holds a graph alone', async () => {
    const store = new MemoryGraphStore(null);
    await store.loadGraph({ nodes: [{ id: 'agency:甲', type: 'Agency', name: '甲', aliases: [], props: {}, evidence: [] }], edges: [] });
    expect(await seedIfEmpty(store, 'seeds')).toMatch(/holds 1 nodes .* seeds not loaded/);
    expect((await store.counts()).totalNodes).toBe(1);
  });
});
