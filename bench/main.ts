// `npm run bench` — every speed figure of the project in one run, printed as tables
// (target and pass/fail per figure) and written to bench/results/latest.json.
// `npm run bench -- --quick` runs a small subset for development.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './context.ts';
import { ROOT } from './deps.ts';
import { formatSection, notMeasured, type Figure, type SectionResult } from './report.ts';
import { runBrowser } from './sections/browser.ts';
import { runEtl } from './sections/etl.ts';
import { runFormats } from './sections/formats.ts';
import { runHttp } from './sections/http.ts';
import { runIngest } from './sections/ingest.ts';
import { runIngestStore } from './sections/ingest-store.ts';
import { runMemory } from './sections/memory.ts';
import { runNeo4j } from './sections/neo4j.ts';
import { runStores } from './sections/store.ts';

const SECTIONS: { name: string; run: (ctx: BenchContext) => Promise<Figure[]> }[] = [
  { name: 'ETL', run: runEtl },
  { name: 'Stores', run: runStores },
  { name: 'HTTP', run: runHttp },
  { name: 'Browser', run: runBrowser },
  { name: 'Ingest', run: runIngest },
  { name: 'End-to-end ingest', run: runIngestStore },
  { name: 'Formats', run: runFormats },
  { name: 'Memory (peak RSS)', run: runMemory },
  { name: 'Neo4j', run: runNeo4j },
];

async function main(): Promise<void> {
  const started = performance.now();
  const ctx: BenchContext = { quick: process.argv.includes('--quick'), elapsedMs: () => performance.now() - started, rss: [] };
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).toLowerCase().split(',');
  console.log(`policy-graph bench${ctx.quick ? ' (quick)' : ''} — node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`);
  const results: SectionResult[] = [];
  for (const s of SECTIONS) {
    if (only && !only.some((o) => s.name.toLowerCase().startsWith(o))) continue;
    const t0 = performance.now();
    let figures: Figure[];
    try {
      figures = await s.run(ctx);
    } catch (err) {
      // One broken section must not hide the others' figures.
      figures = [notMeasured(s.name, (err as Error).message.split('\n')[0] ?? 'error')];
    }
    const r: SectionResult = { section: s.name, figures, ms: performance.now() - t0 };
    results.push(r);
    console.log(formatSection(r));
  }
  const totalMs = performance.now() - started;
  const all = results.flatMap((r) => r.figures);
  const failed = all.filter((f) => f.ok === false).length;
  const passed = all.filter((f) => f.ok === true).length;
  const unmeasured = all.filter((f) => f.value === null).length;
  console.log(`\nTotal ${(totalMs / 1000).toFixed(1)} s — ${passed} targets met, ${failed} missed, ${unmeasured} not measured/skipped (budget 600 s)`);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = { startedAt: new Date(Date.now() - totalMs).toISOString(), quick: ctx.quick, node: process.version, cores: cpus().length, totalMs, sections: results };
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Results written to bench/results/latest.json`);
}

await main();
