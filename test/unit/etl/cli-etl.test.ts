import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { toGraphJsonText } from '../../../graph/export/json.ts';
import { laterEditionText } from '../../support/later-edition.ts';
import { PLAN, SCI, seed } from './seed-sources.ts';

const run = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;
const kg = (...args: string[]) => run(join(root, 'node_modules/.bin/tsx'), ['graph/cli/main.ts', ...args], { cwd: root, env: { ...process.env, NEO4J_URI: '' } });

describe('kg etl / export / stats / check on the embedded store', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kg-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the seeds, prints counts and time, and exports exactly the built graph', async () => {
    const first = await kg('etl', '--data', dir);
    expect(first.stdout).toContain('documents 2: 000_2ebb2acb91732bad.txt, 004_6d8794a7fddf0732.txt');
    expect(first.stdout).toMatch(/LEADS +216\n/);
    expect(first.stdout).toMatch(/etl [\d.]+ ms/);
    const second = await kg('etl', '--data', dir);
    expect(second.stdout).toContain('+0/-0 nodes, +0/-0 edges'); // a re-run changes nothing
    const out = join(dir, 'graph.export.json');
    await kg('export', '--format', 'json', '--out', out, '--data', dir);
    expect(await readFile(out, 'utf8')).toBe(toGraphJsonText(buildGraph([seed(PLAN), seed(SCI)]).graph));
  });

  it('refuses a file it cannot read with one line naming it, and exits 1 without touching the store', async () => {
    const before = await readFile(join(dir, 'graph.json'), 'utf8');
    const err = await kg('etl', 'no/such/plan.txt', '--data', dir).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr.trim()).toBe('kg etl: cannot read no/such/plan.txt: no such file');
    expect(await readFile(join(dir, 'graph.json'), 'utf8')).toBe(before);
  });

  it('prints the top lead agency and the consistency report', async () => {
    const stats = await kg('stats', '--data', dir, '--top', '3');
    expect(stats.stdout).toMatch(/1\. 发展改革局 {2}28 {2}\[municipal\]/);
    const check = await kg('check');
    expect(check.stdout).toContain('consistency findings: 27');
    expect(check.stdout).toContain('rows the documents name differently: 0');
  });

  it('check compares rows across documents: a later edition that changed one lead unit', async () => {
    const edition = join(dir, 'plan-2010.txt');
    await writeFile(edition, laterEditionText());
    const check = await kg('check', `seeds/${PLAN}`, edition);
    expect(check.stdout).toContain(
      `rows the documents name differently: 1\n完善大学城管理体制 [牵头]\n    ${PLAN}:231 附表3: 教育局\n    plan-2010.txt:231 附表3: 科技信息局\n`,
    );
  });
});
