import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import { FIX, S000, S004, fixtureAs, rebuild, seedSource, useSeededEnv, type Env } from './helpers.ts';

let env: Env;
let before: GraphJson;
useSeededEnv((e, b) => {
  env = e;
  before = b;
});

const rowTask = (g: GraphJson, name: string) => g.nodes.find((n) => n.type === 'Task' && n.props['kind'] === 'tableRow' && n.name.includes(name));

describe('ingest of the fixtures made from the seeds', () => {
  it('the HTML page of 000 (same URL, its table in TAB rows) is a new version of 000; a second ingest of it is unchanged', async () => {
    const first = await env.ingest([join(FIX, '000-page.html')]);
    expect(first.files[0]).toMatchObject({ status: 'updated', file: S000, encoding: 'utf-8', format: 'html' });
    const graph = await env.store.exportGraph();
    const again = await env.ingest([join(FIX, '000-page.html')]);
    expect(again.files).toEqual([
      { input: join(FIX, '000-page.html'), status: 'unchanged', file: S000, encoding: 'utf-8', format: 'html', warnings: [] },
    ]);
    expect(await env.store.exportGraph()).toEqual(graph);
  });

  it('the GB18030 copy of 004 (CRLF) is the loaded 004: unchanged', async () => {
    const s = await env.ingest([join(FIX, '004-gb18030.txt')]);
    expect(s.files[0]).toMatchObject({ status: 'unchanged', file: S004, encoding: 'gb18030', format: 'text' });
    expect(await env.store.exportGraph()).toEqual(before);
  });

  it('refuses the binary and the empty file with a message each and goes on with the rest', async () => {
    const s = await env.ingest([join(FIX, 'binary.txt'), join(FIX, 'empty.txt'), join(FIX, '004-gb18030.txt')]);
    expect(s.files.map((f) => [f.status, f.message])).toEqual([
      ['refused', 'binary file (NUL byte at offset 8)'],
      ['refused', 'empty file (0 bytes)'],
      ['unchanged', undefined],
    ]);
    expect(s.counts).toEqual({ new: 0, updated: 0, unchanged: 1, refused: 2, failed: 0, held: 0 });
    expect(await env.store.exportGraph()).toEqual(before);
  });

  it('a copy of 000 with one row changed replaces only that row lead: the graph equals a full rebuild', async () => {
    const s = await env.ingest([join(FIX, '000-row-changed.txt')]);
    expect(s.files[0]).toMatchObject({ status: 'updated', file: S000, change: { nodesAdded: 0, nodesRemoved: 0, edgesAdded: 1, edgesRemoved: 1 } });
    const after = await env.store.exportGraph();
    expect(after).toEqual(rebuild(fixtureAs('000-row-changed.txt', S000), seedSource(S004)));
    const row = rowTask(after, '完善大学城管理体制')!;
    const leads = (g: GraphJson) => g.edges.filter((e) => e.type === 'LEADS' && e.target === row.id).map((e) => e.source);
    expect(leads(before)).toEqual(['agency:教育局']);
    expect(leads(after)).toEqual(['agency:科技信息局']);
    const added = after.edges.find((e) => e.type === 'LEADS' && e.target === row.id)!;
    expect(added.evidence).toEqual([{ doc: S000, line: 232, quote: '市科技信息局' }]);
    // Everything else is as it was: only those two edges differ.
    const ids = (g: GraphJson) => new Set(g.edges.map((e) => e.id));
    expect([...ids(before)].filter((id) => !ids(after).has(id))).toEqual([`LEADS:agency:教育局->${row.id}`]);
    expect([...ids(after)].filter((id) => !ids(before).has(id))).toEqual([`LEADS:agency:科技信息局->${row.id}`]);
    expect(after.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    const changed = after.nodes.filter((n, i) => JSON.stringify(n) !== JSON.stringify(before.nodes[i])).map((n) => n.id);
    expect(changed).toEqual(['agency:教育局', 'agency:科技信息局']); // line 232 moved from one to the other
    // The library now serves the new text for 000; 004 is still the seed.
    expect(readFileSync(join(env.dir, 'sources', S000), 'utf8').split('\n')[231]).toBe('市科技信息局');
    expect(env.library.entries().map((d) => [d.file, d.origin])).toEqual([[S000, 'ingested'], [S004, 'seed']]);
  });

  it('the truncated copy of 000 is held back: it would take away most of the table, so the loaded 000 stays', async () => {
    const s = await env.ingest([join(FIX, '000-truncated.txt')]);
    expect(s.files[0]).toMatchObject({ status: 'held', file: S000 });
    expect(s.files[0]!.message).toMatch(/^held back: this version would take away most of what the loaded one gives \(.+\); use --force to replace it$/);
    expect(s.counts).toMatchObject({ held: 1, updated: 0 });
    expect(await env.store.exportGraph()).toEqual(before);
    expect(env.library.entries().map((d) => [d.file, d.origin])).toEqual([[S000, 'seed'], [S004, 'seed']]);
  });

  it('the truncated copy of 000 forced: rows after the cut are gone, the rest equals a full rebuild', async () => {
    const s = await env.ingest([join(FIX, '000-truncated.txt')], { force: true });
    expect(s.files[0]).toMatchObject({ status: 'updated', file: S000 });
    expect(s.files[0]!.warnings[0]).toBe('file ends inside a UTF-8 character (truncated?): 1 trailing byte(s) dropped');
    const after = await env.store.exportGraph();
    expect(after).toEqual(rebuild(fixtureAs('000-truncated.txt', S000), seedSource(S004)));
    expect(rowTask(before, '推动创业板市场建设')).toBeDefined();
    expect(rowTask(after, '推动创业板市场建设')).toBeUndefined();
    expect(rowTask(after, '建设国家数字电视试验区')).toBeDefined();
    expect(after.nodes.filter((n) => n.evidence.some((e) => e.doc === S004))).toEqual(before.nodes.filter((n) => n.evidence.some((e) => e.doc === S004)).map((n) => after.nodes.find((m) => m.id === n.id)));
  });

  it('is idempotent: the same files twice change nothing the second time', async () => {
    const files = [join(FIX, '000-row-changed.txt'), join(FIX, '004-gb18030.txt')];
    await env.ingest(files);
    const once = await env.store.exportGraph();
    const index = readFileSync(join(env.dir, 'documents.json'), 'utf8');
    const s = await env.ingest(files);
    expect(s.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
    expect(await env.store.exportGraph()).toEqual(once);
    expect(readFileSync(join(env.dir, 'documents.json'), 'utf8')).toBe(index);
  });

  it('two versions of one document in one run: the later one wins', async () => {
    const s = await env.ingest([join(FIX, '000-truncated.txt'), join(FIX, '000-row-changed.txt')]);
    // The truncated one alone would be held back; the later full version replaces 000 anyway.
    expect(s.files.map((f) => f.status)).toEqual(['held', 'updated']);
    expect(await env.store.exportGraph()).toEqual(rebuild(fixtureAs('000-row-changed.txt', S000), seedSource(S004)));
  });
});
