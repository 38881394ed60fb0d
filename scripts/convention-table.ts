// Prints, for every convention fixture, what its expectations say against what the ETL reads:
// clauses by convention, table rows, responsibility edges and tasks whose units match exactly.
// Usage: npx tsx scripts/convention-table.ts  (a Markdown table on stdout)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../graph/etl/build-graph.ts';
import { readingReports } from '../graph/etl/reading-reports.ts';
import { prepareInput } from '../graph/ingest/read-input.ts';
import type { GraphJson } from '../graph/model/index.ts';
import { CONVENTION_FIXTURES, type TaskExpectation } from '../test/fixtures/conventions/expected.ts';

const DIR = 'test/fixtures/conventions';
const ROLES = { LEADS: 'lead', COOPERATES: 'coop', RESPONSIBLE: 'resp' } as const;

/** Each task's units by role, keyed as the expectations key them (section path or `row N`). */
function unitsByTask(graph: GraphJson): Map<string, Record<'lead' | 'coop' | 'resp', string[]>> {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const key = new Map<string, string>();
  for (const n of graph.nodes) if (n.type === 'Task' && typeof n.props['path'] === 'string') key.set(n.id, n.props['path']);
  for (const e of graph.edges) if (e.type === 'PART_OF' && typeof e.props['tableNo'] === 'number') key.set(e.source, `row ${e.props['tableNo']}`);
  const out = new Map<string, Record<'lead' | 'coop' | 'resp', string[]>>();
  for (const e of graph.edges) {
    const role = ROLES[e.type as keyof typeof ROLES];
    const k = key.get(e.target);
    if (!role || !k) continue;
    const t = out.get(k) ?? { lead: [], coop: [], resp: [] };
    t[role].push(names.get(e.source) ?? e.source);
    out.set(k, t);
  }
  return out;
}

const same = (a: readonly string[] = [], b: readonly string[] = []) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const matches = (want: TaskExpectation, got: Record<'lead' | 'coop' | 'resp', string[]> | undefined) =>
  same(want.lead, got?.lead) && same(want.coop, got?.coop) && same(want.resp, got?.resp);

const clauseSum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
console.log('| fixture | convention | clauses expected / found | table rows expected / found | responsibility edges expected / found | tasks matching exactly |');
console.log('|---|---|---|---|---|---|');
const totals = [0, 0, 0, 0, 0, 0, 0, 0];
for (const f of CONVENTION_FIXTURES) {
  const p = await prepareInput(f.file, f.file, readFileSync(join(DIR, f.file)));
  if (!p.ok) throw new Error(`${f.file}: ${p.message}`);
  const { graph } = buildGraph([p.source]);
  const report = readingReports([p.source])[0]!;
  const tasks = unitsByTask(graph);
  const wantEdges = Object.values(f.tasks).reduce((n, t) => n + t.lead.length + (t.coop?.length ?? 0) + (t.resp?.length ?? 0), 0);
  const ok = Object.entries(f.tasks).filter(([k, t]) => matches(t, tasks.get(k))).length;
  const want = Object.keys(f.tasks).length;
  const row = [clauseSum(f.clauses), clauseSum(report.clauses), f.tableRows, report.tableRows, wantEdges, report.responsibilityEdges, want, ok];
  row.forEach((v, i) => (totals[i]! += v));
  console.log(`| ${f.file} | ${f.convention} | ${row[0]} / ${row[1]} | ${row[2]} / ${row[3]} | ${row[4]} / ${row[5]} | ${row[7]} of ${row[6]} |`);
}
const t = totals;
console.log(`| **all ${CONVENTION_FIXTURES.length}** | | ${t[0]} / ${t[1]} | ${t[2]} / ${t[3]} | ${t[4]} / ${t[5]} | ${t[7]} of ${t[6]} |`);
