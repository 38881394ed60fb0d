import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listDocuments, removeLoadedDocument, resolveDocument } from '../../graph/ingest/documents-list.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { S000, S004, rebuild, seedSource, useSeededEnv, withSortedEvidence, type Env } from './helpers.ts';
import { rowIdsByNumber } from '../support/rows.ts';

let env: Env;
let before: GraphJson;
useSeededEnv((e, b) => {
  env = e;
  before = b;
});

/** Seed 000 under another URL and 文号: a different document with the same conventions. */
function copyOf000(): Uint8Array {
  const lines = readFileSync(`seeds/${S000}`, 'utf8').split('\n');
  lines[0] = 'http://www.sz.gov.cn/zfgb/2010/gb700/201001/t20100101_000001.htm';
  lines[6] = '文   号: 深府〔2010〕1号';
  return Buffer.from(lines.join('\n'));
}

const citing = (g: GraphJson, doc: string) => g.nodes.filter((n) => n.evidence.some((e) => e.doc === doc)).length;

describe('a new document', () => {
  it('is added under its own name; shared organisations get evidence from both documents', async () => {
    const s = await env.ingest([{ name: 'uploads/2010-plan.txt', bytes: copyOf000() }]);
    expect(s.files[0]).toMatchObject({ status: 'new', file: '2010-plan.txt' });
    const after = await env.store.exportGraph();
    const edu = after.nodes.find((n) => n.id === 'agency:教育局')!;
    expect(new Set(edu.evidence.map((e) => e.doc))).toEqual(new Set([S000, '2010-plan.txt']));
    expect(citing(after, '2010-plan.txt')).toBe(citing(before, S000));
    const docs = await listDocuments(env.library, env.store);
    expect(docs.map((d) => [d.file, d.number, d.origin])).toEqual([
      [S000, '深府〔2009〕9号', 'seed'],
      [S004, '深府〔2011〕194号', 'seed'],
      ['2010-plan.txt', '深府〔2010〕1号', 'ingested'],
    ]);
    expect(docs[2]!.inStore.nodes).toBe(citing(after, '2010-plan.txt'));
    // Its 124 table rows are the seed's tasks; the 145 sections are its own.
    expect(docs.map((d) => d.inStore.sharedTasks)).toEqual([124, 0, 124]);
    // The same facts as one ETL run over all three documents (evidence order aside).
    const all = rebuild(seedSource(S000), seedSource(S004), readSourceText('2010-plan.txt', new TextDecoder().decode(copyOf000())));
    expect(withSortedEvidence(after)).toEqual(withSortedEvidence(all));
  });

  it('a task both documents name is one node with evidence from each; its sections stay its own', async () => {
    await env.ingest([{ name: '2010-plan.txt', bytes: copyOf000() }]);
    const after = await env.store.exportGraph();
    const tasks = (g: GraphJson) => g.nodes.filter((n) => n.type === 'Task');
    // 145 new section tasks; the 124 table rows are the same tasks, named a second time.
    expect(tasks(after).length - tasks(before).length).toBe(145);
    const row14 = rowIdsByNumber(after, '2010-plan.txt').get(14)!;
    expect(row14).toBe(rowIdsByNumber(after, S000).get(14));
    const node = after.nodes.find((n) => n.id === row14)!;
    expect(node.name).toBe('提高本土企业自主创新能力');
    expect(node.evidence).toEqual([
      { doc: S000, line: 267, quote: '14.提高本土企业自主创新能力' },
      { doc: '2010-plan.txt', line: 267, quote: '14.提高本土企业自主创新能力' },
    ]);
    const placedIn = after.edges.filter((e) => e.type === 'PART_OF' && e.source === row14).map((e) => [e.target, e.props['tableNo']]);
    expect(placedIn.sort()).toEqual([['document:深府〔2009〕9号', 14], ['document:深府〔2010〕1号', 14]]);
    // Workload across documents: 发展改革局 leads the same 28 rows, found in both documents.
    const ndrc = (await env.store.workload()).find((w) => w.agency.id === 'agency:发展改革局')!;
    expect(ndrc.rows.led).toBe(28);
    expect(ndrc.byDoc[S000]?.led).toBe(ndrc.byDoc['2010-plan.txt']?.led);
    const only2010 = (await env.store.workload({ doc: '2010-plan.txt' })).find((w) => w.agency.id === 'agency:发展改革局')!;
    expect(only2010.rows.led).toBe(28);
  });

  it('removing it leaves exactly the graph there was before', async () => {
    await env.ingest([{ name: '2010-plan.txt', bytes: copyOf000() }]);
    const entry = resolveDocument(env.library, '深府〔2010〕1号')!;
    expect(entry.file).toBe('2010-plan.txt');
    const change = await removeLoadedDocument(env.library, env.store, entry);
    expect(change.nodesRemoved).toBeGreaterThan(0);
    expect(await env.store.exportGraph()).toEqual(before);
    expect(env.library.entries().map((d) => d.file)).toEqual([S000, S004]);
  });

  it('removing a seed drops every fact only it supports and lists it no more', async () => {
    const entry = resolveDocument(env.library, S004)!;
    await removeLoadedDocument(env.library, env.store, entry);
    const after = await env.store.exportGraph();
    expect(after.nodes.some((n) => n.evidence.some((e) => e.doc === S004))).toBe(false);
    expect(after.edges.some((e) => e.evidence.some((x) => x.doc === S004))).toBe(false);
    expect(after.nodes.every((n) => n.evidence.length > 0)).toBe(true);
    expect(citing(after, S000)).toBe(citing(before, S000));
    expect(env.library.entries().map((d) => d.file)).toEqual([S000]);

    // Ingesting the seed again brings back its name and exactly the graph there was.
    const s = await env.ingest([`seeds/${S004}`]);
    expect(s.files[0]).toMatchObject({ status: 'new', file: S004 });
    expect(await env.store.exportGraph()).toEqual(before);
  });

  it('reads an HTML page with a 序号 column and 配合单位 header as a division table', async () => {
    const html = `<!-- saved from url=(0040)http://www.sz.gov.cn/x/t20300101_1.htm --><html><body>
      <table><tr><td>索引号：</td><td>1-2-3</td><td>信息名称：</td><td>某某实施方案分工</td><td>文号：</td><td>深府〔2030〕1号</td></tr></table>
      <div id="zoom"><p>\u3000\u3000一、重点工作</p><p>\u3000\u3000（一）建设高等院校。</p>
      <p>\u3000\u3000责任单位：市教育局牵头，市财政局等配合（见附表1）。</p>
      <table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td colspan="4">（一）高等院校建设</td></tr>
      <tr><td>1</td><td>建设某某大学</td><td>市教育局</td><td>市财政局、深圳市未来产业促进会</td></tr>
      <tr><td>2</td><td>建设某某学院</td><td>市财政局</td><td>&nbsp;</td></tr></table></div></body></html>`;
    const s = await env.ingest([{ name: 'plan-2030.html', bytes: Buffer.from(html) }]);
    expect(s.files[0]).toMatchObject({ status: 'new', file: 'plan-2030.txt', format: 'html' });
    const after = await env.store.exportGraph();
    const rowIds = rowIdsByNumber(after, 'plan-2030.txt');
    const rows = after.nodes.filter((n) => [...rowIds.values()].includes(n.id));
    expect(rows.every((r) => r.props['kind'] === 'tableRow')).toBe(true);
    expect(rows.map((r) => r.name).sort()).toEqual(['建设某某大学', '建设某某学院']);
    const lead = (name: string) => after.edges.filter((e) => e.type === 'LEADS' && e.target === rows.find((r) => r.name === name)!.id).map((e) => e.source);
    expect(lead('建设某某大学')).toEqual(['agency:教育局']);
    expect(lead('建设某某学院')).toEqual(['agency:财政局']);
    // A body no glossary knows still becomes a typed organisation that cooperates on the row.
    const fresh = after.nodes.find((n) => n.name === '深圳市未来产业促进会')!;
    expect(['Agency', 'Institution', 'Enterprise']).toContain(fresh.type);
    expect(after.edges.some((e) => e.type === 'COOPERATES' && e.source === fresh.id && e.target === rows.find((r) => r.name === '建设某某大学')!.id)).toBe(true);
    const text = readFileSync(`${env.dir}/sources/plan-2030.txt`, 'utf8').split('\n');
    // The table is kept as one TAB-separated line per row, cell for cell, as the page has it.
    expect(text.slice(text.indexOf('序号\t工作任务\t牵头单位\t配合单位'), text.indexOf('序号\t工作任务\t牵头单位\t配合单位') + 4)).toEqual([
      '序号\t工作任务\t牵头单位\t配合单位', '（一）高等院校建设', '1\t建设某某大学\t市教育局\t市财政局、深圳市未来产业促进会', '2\t建设某某学院\t市财政局\t',
    ]);
  });
});
