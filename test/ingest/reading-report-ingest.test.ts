import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import { formatIngestSummary } from '../../graph/ingest/format-summary.ts';
import { useSeededEnv, type Env } from './helpers.ts';
import { CONVENTION_FIXTURES } from '../fixtures/conventions/expected.ts';

let env: Env;
let before: GraphJson;
useSeededEnv((e, b) => {
  env = e;
  before = b;
});

// Another city's plan with no page header: its title line is all that names the city.
const GUANGZHOU = [
  '广州市推进科技创新工作方案',
  '一、重点任务',
  '1.建设科技创新平台。加快建设重点实验室。（牵头单位：市科技局；配合单位：市发展改革委、市财政局，各区政府）',
  '2.推动产业升级。（责任单位：市工业和信息化局、市商务局等）',
].join('\n');

// Responsibility in wording no rule reads, and a table header with no rows after it.
const UNREADABLE = ['某市工作分工', '一、重点任务', '1.建设平台，市科技局为主负责，市财政局予以支持。', '附件：重点任务分工表', '序号 工作任务 牵头部门 配合部门'].join('\n');

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

describe('the reading report of an ingested document', () => {
  it('says what was read from another city’s plan, under that city’s jurisdiction', async () => {
    const s = await env.ingest([file('gz-plan.txt', GUANGZHOU)]);
    const r = s.files[0]!.report!;
    expect(r).toMatchObject({ doc: 'gz-plan.txt', jurisdiction: '广州市', tableRows: 0, clauses: { seed: 0, bracketed: 1, unsplit: 1, prose: 0 } });
    const after = await env.store.exportGraph();
    const edges = after.edges.filter((e) => e.evidence.some((x) => x.doc === 'gz-plan.txt') && ['LEADS', 'COOPERATES', 'RESPONSIBLE'].includes(e.type));
    expect(edges).toHaveLength(r.responsibilityEdges);
    // 广州's 市财政局 is not Shenzhen's 财政局: the seeds' node keeps only seed evidence.
    const szFinance = after.nodes.find((n) => n.id === 'agency:财政局')!;
    expect(szFinance.evidence).toEqual(before.nodes.find((n) => n.id === 'agency:财政局')!.evidence);
    const gzFinance = edges.find((e) => e.type === 'COOPERATES' && e.source.includes('财政局'))!;
    expect(gzFinance.source).not.toBe('agency:财政局');
    const text = formatIngestSummary(s);
    expect(text).toContain('read: 广州市; 3 section(s), 0 table row(s), clauses bracketed 1, unsplit 1;');
    expect(text).not.toContain('!!');
  });

  it('flags a document read as nothing loudly, with the line, in the outcome and the totals', async () => {
    const s = await env.ingest([file('odd-plan.txt', UNREADABLE)]);
    const f = s.files[0]!;
    expect(f.status).toBe('new');
    expect(f.report!.responsibilityEdges).toBe(0);
    expect(f.report!.warnings.map((w) => [w.kind, w.line])).toContainEqual(['no-responsibility', 3]);
    // Words in passing are not responsibility wording: 工作分工 in the title is not named.
    expect(f.report!.warnings.find((w) => w.kind === 'no-responsibility')!.message).toContain('on lines 3, 4, 5 ');
    const text = formatIngestSummary(s).split('\n');
    expect(text.filter((l) => l.includes('!! line 3 no-responsibility'))).toHaveLength(1);
    expect(text.at(-1)).toBe('!! 1 document(s) read badly (no responsibility read or a table without rows): odd-plan.txt');
  });
  it('ingests every convention fixture beside the seeds: each reads as expected, no seed node gains their evidence', async () => {
    const s = await env.ingest(CONVENTION_FIXTURES.map((f) => `test/fixtures/conventions/${f.file}`));
    expect(s.files.map((f) => f.status)).toEqual(CONVENTION_FIXTURES.map(() => 'new'));
    for (const [i, want] of CONVENTION_FIXTURES.entries()) {
      expect(s.files[i]!.report).toMatchObject({ jurisdiction: want.jurisdiction, clauses: want.clauses, tableRows: want.tableRows });
    }
    const after = await env.store.exportGraph();
    const seedDocs = new Set(before.nodes.filter((n) => n.type === 'Document').map((n) => n.props['file']));
    // Every agency the seeds had keeps exactly its evidence: other cities' 财政局, 教育局… are their own nodes
    // (a university is one university wherever it is named: 中山大学 is shared, as it should be).
    const byId = new Map(after.nodes.map((n) => [n.id, n]));
    for (const n of before.nodes.filter((x) => x.type === 'Agency')) expect(byId.get(n.id)?.evidence.filter((e) => !seedDocs.has(e.doc)) ?? [], n.id).toEqual([]);
  });
});
