// Child process of the end-to-end ingest section: `kg ingest <folder>` as a user runs it — its
// own process, start-up, decode, ETL, the embedded store's batched writes and commits, the
// document library — over generated plans, into a temporary data dir seeded first. The CLI
// runs with the flags `npm run kg` gives it and a probe (ingest-store-probe.ts) that only
// records when things happen.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportFromChild } from '../child.ts';
import { ROOT } from '../deps.ts';
import { ingestNodeFlags } from '../product-flags.ts';
import { readSeeds } from '../seed-text.ts';
import { generateCorpus } from '../synthetic/corpus.ts';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import type { ProbeReport } from './ingest-store-probe.ts';
import { perDocumentMs, type WindowCost } from './ingest-store-cost.ts';

export interface IngestStoreResult {
  documents: number;
  bytes: number;
  /** Spawn to exit of the kg ingest process. */
  wallMs: number;
  /** Start-up, opening the store and the lock: before the first document's ETL. */
  startMs: number;
  cpuMs: number;
  cliMaxRssMb: number;
  /** Mean wall and CPU ms per document of the first and last 100 (ingest-store-cost.ts). */
  first: WindowCost;
  last: WindowCost;
  edgesAdded: number;
  nodesAdded: number;
  writes: number;
  slowestWriteMs: number;
  statuses: Record<string, number>;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number; at: number }> {
  const t0 = performance.now();
  const at = performance.timeOrigin + t0;
  const child = spawn(process.execPath, [...ingestNodeFlags(), '--import', 'tsx', '--import', join(ROOT, 'bench/sections/ingest-store-probe.ts'), join(ROOT, 'graph/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0, at })));
}

async function main(): Promise<void> {
  const documents = Number(process.argv[process.argv.indexOf('--documents') + 1] ?? '1000');
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const data = join(dir, 'data');
    const store = new MemoryGraphStore(data);
    await store.loadGraph(buildGraph(readSeeds().map((d) => readSourceText(d.file, d.text))).graph);
    await store.close();
    const corpus = join(dir, 'plans');
    mkdirSync(corpus);
    let bytes = 0;
    const order: string[] = [];
    for (const d of generateCorpus({ documents, seed: 17, sections: 8 })) {
      writeFileSync(join(corpus, d.file), d.text);
      bytes += Buffer.byteLength(d.text);
      order.push(d.file);
    }
    const probePath = join(dir, 'probe.json');
    const run = await runCli(['ingest', corpus, '--store', 'memory', '--data', data, '--json'], { BENCH_INGEST_PROBE: probePath });
    if (run.code !== 0) throw new Error(`kg ingest exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const summary = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { counts: Record<string, number>; files: { file?: string }[]; edgesAdded: number; nodesAdded: number };
    const probe = JSON.parse(readFileSync(probePath, 'utf8')) as ProbeReport;
    // Evidence names are the input names here (no clash), so the corpus order is the input order.
    const cost = perDocumentMs(probe, order);
    reportFromChild({
      documents,
      bytes,
      wallMs: run.ms,
      startMs: probe.firstEtl === null ? Number.NaN : probe.firstEtl.at - run.at,
      cpuMs: probe.cpuMs,
      cliMaxRssMb: probe.maxRssMb,
      first: cost.first,
      last: cost.last,
      edgesAdded: summary.edgesAdded,
      nodesAdded: summary.nodesAdded,
      writes: probe.writes.length,
      slowestWriteMs: Math.max(0, ...probe.writes.map((w) => w.end - w.start)),
      statuses: summary.counts,
    } satisfies IngestStoreResult);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
