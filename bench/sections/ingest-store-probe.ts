// Loaded with `--import` into the `kg ingest` process the end-to-end bench runs: it changes
// nothing the CLI does, only notes when each ETL batch starts, which documents each store
// write takes, when each commit ends, and the process's peak RSS, and writes them at exit to
// the file named by BENCH_INGEST_PROBE.
import { writeFileSync } from 'node:fs';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { Commit } from '../../graph/store/data-dir/commit.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';

export interface ProbeReport {
  /** Epoch ms and process CPU ms at the first ETL batch: start-up, reading the store and taking the lock are before it. */
  firstEtl: { at: number; cpuMs: number } | null;
  writes: { docs: string[]; start: number; end: number }[];
  /** Epoch ms and process CPU ms at the end of each commit. */
  commits: { at: number; cpuMs: number }[];
  maxRssMb: number;
  cpuMs: number;
}

const out = process.env['BENCH_INGEST_PROBE'];
const now = () => performance.timeOrigin + performance.now();
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const report: ProbeReport = { firstEtl: null, writes: [], commits: [], maxRssMb: 0, cpuMs: 0 };

const contextSources = SourceLibrary.prototype.contextSources;
SourceLibrary.prototype.contextSources = function (this: SourceLibrary) {
  report.firstEtl ??= { at: now(), cpuMs: cpuMs() }; // called once per ETL batch, first thing
  return contextSources.call(this);
};

const replaceDocuments = MemoryGraphStore.prototype.replaceDocuments;
MemoryGraphStore.prototype.replaceDocuments = async function (this: MemoryGraphStore, batch) {
  const start = now();
  const result = await replaceDocuments.call(this, batch);
  report.writes.push({ docs: batch.map((b) => b.doc), start, end: now() });
  return result;
};

const commit = Commit.prototype.commit;
Commit.prototype.commit = async function (this: Commit) {
  await commit.call(this);
  report.commits.push({ at: now(), cpuMs: cpuMs() });
};

process.on('exit', () => {
  if (!out) return;
  report.maxRssMb = process.resourceUsage().maxRSS / 1024;
  report.cpuMs = cpuMs();
  writeFileSync(out, JSON.stringify(report));
});
