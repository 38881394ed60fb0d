import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus } from '../../bench/synthetic/corpus.ts';

// A documents folder bigger than the seeds: the two seeds plus generated plans in the seeds'
// text format, read by the real ETL when the app server starts over it (startAppServer's seedsDir).

const SEEDS = resolve(import.meta.dirname, '../../seeds');

export interface LargeSeeds {
  dir: string;
  remove(): void;
}

/** `plans` generated plans of `sections` work areas each (100 × 8 ≈ 16k nodes, 70k edges). */
export function writeLargeSeeds(plans: number, sections = 8): LargeSeeds {
  const dir = mkdtempSync(join(tmpdir(), 'pg-large-seeds-'));
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
  for (const d of generateCorpus({ documents: plans, sections })) writeFileSync(join(dir, d.file), d.text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
