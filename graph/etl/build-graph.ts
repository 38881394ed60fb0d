import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ConsistencyFinding, ExtractionWarning, GraphJson } from '../model/index.ts';
import { findInconsistencies } from './consistency.ts';
import { extractDependencies } from './dependencies.ts';
import { GraphAccumulator } from './merge-fragments.ts';
import { extractOrganisations } from './organisations.ts';
import { readStructure } from './parse-document.ts';
import { buildResponsibilityFragment } from './responsibility-fragment.ts';
import { DocumentUnits } from './responsibility-units.ts';
import { buildStructureFragment } from './structure-fragment.ts';
import { extractTechnologies } from './technologies.ts';
import type { SourceDocument } from './types.ts';

export interface EtlResult {
  graph: GraphJson; // sorted with sortGraphJson: two runs give identical output
  findings: ConsistencyFinding[];
  warnings: ExtractionWarning[];
  ms: number; // wall clock
  cpuMs: number; // CPU time of this process: the budget measure, steady under machine load
}

/** The whole ETL over already-read sources: structure, responsibility, then the other steps, merged by id. */
export function buildGraph(sources: readonly SourceDocument[]): EtlResult {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const acc = new GraphAccumulator();
  const findings: ConsistencyFinding[] = [];
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const structures = ordered.map(readStructure);
  for (const s of structures) {
    // Both fragments are made here and nowhere kept: the accumulator may keep their items.
    acc.adoptFragment(buildStructureFragment(s));
    const units = new DocumentUnits(s);
    acc.adoptFragment(buildResponsibilityFragment(s, units));
    findings.push(...findInconsistencies(s, units));
  }
  const parsed = structures.map((s) => s.parsed);
  // The organisation and dependency steps fold their parts into new items, made for this call;
  // the technology step hands out catalogue items, so those are copied.
  acc.adoptFragment(extractOrganisations(parsed));
  acc.addFragment(extractTechnologies(parsed));
  acc.adoptFragment(extractDependencies(parsed));
  const graph = acc.toGraph();
  const cpu = process.cpuUsage(cpu0);
  return { graph, findings, warnings: acc.warnings, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Every seed document in `dir` (*.txt), sorted by name. */
export async function listSeedFiles(dir = 'seeds'): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith('.txt')).sort().map((n) => join(dir, n));
}
