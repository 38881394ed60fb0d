import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsistencyResponseSchema, WorkloadResponseSchema } from '../../graph/api/index.ts';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceFile } from '../../graph/etl/read-source.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { createApp } from '../../server/app.ts';
import { createFolderSources } from '../../server/sources.ts';
import { laterEditionText } from '../support/later-edition.ts';
import { getJson, listen, type Running } from './helpers.ts';

const S000 = '000_2ebb2acb91732bad.txt';
const S004 = '004_6d8794a7fddf0732.txt';

/**
 * Three documents over HTTP: the two seeds and a later edition of 000 (another URL and 文号) whose
 * row 3 names another lead unit. Its 124 rows are the same tasks as the seed's.
 */
describe('documents that name the same rows, over HTTP', () => {
  let srv: Running;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-cross-'));
    for (const f of [S000, S004]) copyFileSync(join('seeds', f), join(dir, f));
    writeFileSync(join(dir, 'plan-2010.txt'), laterEditionText());
    const sources = await Promise.all([S000, S004, 'plan-2010.txt'].map((f) => readSourceFile(join(dir, f))));
    const store = await MemoryGraphStore.open(join(dir, 'data'));
    await store.loadGraph(buildGraph(sources).graph);
    srv = await listen(createApp({ store, sources: createFolderSources([dir]), options: { staticDir: null } }));
  });
  afterAll(async () => {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /api/consistency compares a row across the documents that name it', async () => {
    const r = await getJson(srv.base, '/api/consistency', ConsistencyResponseSchema);
    expect(r.rowDisagreements.map((d) => [d.rowName, d.role, d.documents.map((x) => [x.doc, x.tableNo, x.units])])).toEqual([
      ['完善大学城管理体制', 'LEADS', [[S000, 3, ['教育局']], ['plan-2010.txt', 3, ['科技信息局']]]],
    ]);
    // Each document's own text-vs-table check still runs: the seed's 27, and in the edition one more:
    // its clause on the university town does not name 科技信息局, the lead the edition gives row 3.
    expect(r.findings.filter((f) => f.doc === S000)).toHaveLength(27);
    const edition = r.findings.filter((f) => f.doc === 'plan-2010.txt');
    expect(edition).toHaveLength(28);
    expect(edition.filter((f) => f.rowNo === 3 && f.role === 'LEADS').map((f) => [f.onlyInClause, f.onlyInRow])).toEqual([[[], ['科技信息局']]]);
  });

  it('GET /api/analysis/workload counts a shared row once, and in each document that names it', async () => {
    const r = await getJson(srv.base, '/api/analysis/workload', WorkloadResponseSchema);
    const edu = r.agencies.find((a) => a.agency.id === 'agency:教育局')!;
    const sci = r.agencies.find((a) => a.agency.id === 'agency:科技信息局')!;
    // Row 3 is led by 教育局 in 2009 and by 科技信息局 in 2010: each leads it in one document.
    expect(edu.byDoc[S000]!.led - edu.byDoc['plan-2010.txt']!.led).toBe(1);
    expect(sci.byDoc['plan-2010.txt']!.led - sci.byDoc[S000]!.led).toBe(1);
    expect(sci.rows.led).toBe(25); // 24 rows in the seed, plus row 3 in the edition
    const only2009 = await getJson(srv.base, `/api/analysis/workload?doc=${encodeURIComponent(S000)}`, WorkloadResponseSchema);
    expect(only2009.agencies.find((a) => a.agency.id === 'agency:科技信息局')!.rows.led).toBe(24);
  });
});
