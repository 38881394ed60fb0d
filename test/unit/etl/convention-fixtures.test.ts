import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { readingReports } from '../../../graph/etl/reading-reports.ts';
import { prepareInput } from '../../../graph/ingest/read-input.ts';
import type { GraphJson } from '../../../graph/model/index.ts';
import { loudWarnings, readBadly } from '../../../graph/model/reading-report.ts';
import { CONVENTION_FIXTURES, type TaskExpectation } from '../../fixtures/conventions/expected.ts';

const DIR = 'test/fixtures/conventions';

async function read(file: string) {
  const bytes = readFileSync(join(DIR, file));
  const p = await prepareInput(file, file, bytes);
  if (!p.ok) throw new Error(`${file}: ${p.message}`);
  const { graph } = buildGraph([p.source]);
  return { graph, source: p.source, report: readingReports([p.source])[0]! };
}

/** Each task by section path or `row N`, with the sorted names of its units by role. */
function tasksOf(graph: GraphJson): Map<string, Required<TaskExpectation> & { title: string }> {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const rowNo = new Map<string, number>();
  for (const e of graph.edges) if (e.type === 'PART_OF' && typeof e.props['tableNo'] === 'number') rowNo.set(e.source, e.props['tableNo']);
  const out = new Map<string, Required<TaskExpectation> & { title: string }>();
  for (const n of graph.nodes) {
    if (n.type !== 'Task') continue;
    const by = (type: string) => graph.edges.filter((e) => e.type === type && e.target === n.id).map((e) => names.get(e.source) ?? e.source).sort();
    const key = typeof n.props['path'] === 'string' ? n.props['path'] : `row ${rowNo.get(n.id)}`;
    const deadlines = ((n.props['deadlines'] as { label: string }[] | undefined) ?? []).map((d) => d.label);
    out.set(key, { title: n.name, lead: by('LEADS'), coop: by('COOPERATES'), resp: by('RESPONSIBLE'), deadlines });
  }
  return out;
}

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

describe('documents in other conventions, read with exact expectations', () => {
  it.each(CONVENTION_FIXTURES.map((f) => [f.file, f.convention, f] as const))('%s (%s)', async (file, _convention, want) => {
    const { graph, source, report } = await read(file);
    expect(report).toMatchObject({ jurisdiction: want.jurisdiction, clauses: want.clauses, tableRows: want.tableRows });
    expect(loudWarnings(report)).toEqual([]);
    expect(report.units.untyped).toBe(0);
    const tasks = tasksOf(graph);
    for (const [key, t] of Object.entries(want.tasks)) {
      const got = tasks.get(key);
      expect(got, `${file} ${key}`).toBeDefined();
      expect({ key, lead: got!.lead, coop: got!.coop, resp: got!.resp }).toEqual({ key, lead: sorted(t.lead), coop: sorted(t.coop), resp: sorted(t.resp) });
      if (t.deadlines) expect({ key, deadlines: got!.deadlines }).toEqual({ key, deadlines: t.deadlines });
    }
    // No responsibility beyond the expected tasks: every responsibility edge is on a task listed above.
    const expectedEdges = Object.values(want.tasks).reduce((n, t) => n + t.lead.length + (t.coop?.length ?? 0) + (t.resp?.length ?? 0), 0);
    expect(report.responsibilityEdges).toBe(expectedEdges);
    // Every quote of every responsibility edge is on its stored line.
    for (const e of graph.edges.filter((x) => x.type === 'LEADS' || x.type === 'COOPERATES' || x.type === 'RESPONSIBLE')) {
      for (const ev of e.evidence) expect(source.lines[ev.line - 1], `${e.id} line ${ev.line}`).toContain(ev.quote);
    }
  });

  it('a heading whose title starts with a digit is its own item (2.3D打印推广项目, 3.5G智慧街区建设)', async () => {
    const tasks = tasksOf((await read('10-district-headings.txt')).graph);
    expect(tasks.get('2.2')?.title).toBe('3D打印推广项目');
    expect(tasks.get('2.3')?.title).toBe('5G智慧街区建设');
  });

  it('a wrapped bracketed clause is read once, its second line no clause of its own', async () => {
    const { graph } = await read('02-bracketed-labels.txt');
    const lab = graph.nodes.filter((n) => n.name.includes('季华实验室'));
    expect(lab.map((n) => [n.type, n.name])).toEqual([['Institution', '季华实验室']]);
  });
  it('a document read in part says so loudly, naming the line that gave nothing (a clause cut off mid-list)', async () => {
    const { graph, report } = await read('17-read-in-part.txt');
    const tasks = tasksOf(graph);
    // 由A、B牵头组织实施…: read, with the units that lead it.
    expect(tasks.get('1.1')?.lead).toEqual(['云浮市委宣传部', '云浮市文化广电旅游体育局']);
    expect(tasks.get('1.2')?.lead).toEqual([]);
    expect(report.warnings.filter((w) => w.kind === 'unread-responsibility').map((w) => w.line)).toEqual([5]);
    expect(readBadly(report)).toBe(true);
  });
});
