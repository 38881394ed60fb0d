import { cpus, loadavg } from 'node:os';
import { runChild } from '../child.ts';
import type { BenchContext } from '../context.ts';
import { ingestNodeFlags } from '../product-flags.ts';
import { below, figure, notMeasured, type Figure } from '../report.ts';
import { BENCH_FORMATS } from './formats-corpus.ts';
import type { FormatResult } from './formats-child.ts';

const DOCUMENTS: Record<(typeof BENCH_FORMATS)[number], number> = { txt: 20, html: 20, docx: 10, xlsx: 10, pdf: 6 };
const LONG_PDF_PAGES = 100;

/**
 * Each format through the real ingest path, one fresh process per format as a `kg ingest` run,
 * and a long PDF on its own: MB/s, documents/s, and the seconds a 100-page PDF takes.
 */
export async function runFormats(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const format of BENCH_FORMATS) {
    const n = ctx.quick ? Math.max(2, DOCUMENTS[format] / 2) : DOCUMENTS[format];
    const res = await runChild<FormatResult>('bench/sections/formats-child.ts', ['--format', format, '--documents', String(n)], 300_000, ingestNodeFlags());
    const name = `${format}: ${n} documents`;
    if (!res.ok || !res.value) {
      figures.push(notMeasured(name, res.error ?? 'no result'));
      continue;
    }
    const r = res.value;
    const read = `${r.statuses['new'] ?? 0} new, ${r.statuses['refused'] ?? 0} refused; ${r.tableRows} table rows, ${r.sections} sections`;
    figures.push(figure(`${name} (${(r.bytes / 1e6).toFixed(2)} MB), ${read}`, r.bytes / 1e6 / (r.ms / 1000), `MB/s (wall; ${(r.bytes / 1e6 / (r.cpuMs / 1000)).toFixed(2)} MB per CPU-s)`));
    figures.push(figure(`${format}: documents per second`, r.documents / (r.ms / 1000), `docs/s (wall, ${(r.ms / 1000).toFixed(1)} s; ${(r.documents / (r.cpuMs / 1000)).toFixed(2)} per CPU-s)`));
  }
  const long = await runChild<FormatResult>('bench/sections/formats-child.ts', ['--pages', String(LONG_PDF_PAGES)], 300_000, ingestNodeFlags());
  const name = `a ${LONG_PDF_PAGES}-page PDF, cold process`;
  if (!long.ok || !long.value) figures.push(notMeasured(name, long.error ?? 'no result'));
  else {
    const r = long.value;
    // Other work on the machine stretches the wall time, not the CPU time: both are shown, with the load.
    const load = `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
    figures.push(figure(`${name} (${(r.bytes / 1e6).toFixed(2)} MB, ${r.sections} sections): ingest time`, r.ms / 1000, `s wall (${load})`, below(r.ms / 1000, 5, 's')));
    figures.push(figure(`${name}: CPU time of that ingest`, r.cpuMs / 1000, 'CPU-s (all threads of the process)'));
  }
  return figures;
}
