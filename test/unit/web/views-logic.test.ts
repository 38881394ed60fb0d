import { describe, expect, it } from 'vitest';
import { createApiClient, ApiError } from '../../../web/api/client.ts';
import { PrefetchCache } from '../../../web/api/prefetch.ts';
import { toCsv } from '../../../web/ui/download.ts';
import { highlightQuote } from '../../../web/ui/evidence-view.ts';
import { loadLang, setLang, t, edgeTypeName, getLang } from '../../../web/ui/i18n.ts';
import { matrixCsv } from '../../../web/ui/matrix-view.ts';
import { panelIds, registerPanel } from '../../../web/ui/panels.ts';
import { buildTimeline, yearFraction } from '../../../web/ui/timeline-data.ts';
import { rankWorkload, workloadMap } from '../../../web/ui/workload-view.ts';
import { node } from './fixture-graph.ts';

const w = (name: string, led: number, cooperated: number) => ({
  agency: { id: `agency:${name}`, name, nameEn: null, level: 'municipal' as const }, rows: { led, cooperated, responsible: 0 }, sections: { led: 0, cooperated: 0, responsible: 0 }, byDoc: {}, byYear: {},
});

describe('workload ranking', () => {
  it('ranks by rows led plus cooperated, leads breaking ties, and drops idle agencies', () => {
    const ranked = rankWorkload([w('财政局', 4, 35), w('发展改革局', 28, 39), w('贸工局', 13, 33), w('规划局', 8, 38), w('空闲局', 0, 0)]);
    expect(ranked.map((a) => a.agency.name)).toEqual(['发展改革局', '贸工局', '规划局', '财政局']); // 46 each: more leads first
    expect(workloadMap(ranked).get('agency:规划局')).toBe(46);
  });
});

describe('evidence quote highlighting', () => {
  it('marks every occurrence and keeps the rest of the line', () => {
    expect(highlightQuote('责任单位：市科技信息局牵头', '科技信息局')).toEqual([
      { text: '责任单位：市', hit: false }, { text: '科技信息局', hit: true }, { text: '牵头', hit: false },
    ]);
    expect(highlightQuote('甲乙甲', '甲').filter((p) => p.hit)).toHaveLength(2);
    expect(highlightQuote('无关', '科信局')).toEqual([{ text: '无关', hit: false }]);
  });
});

describe('timeline model', () => {
  it('groups dated tasks per agency, flags missing leads and lists undated tasks', () => {
    const dated = node('Task', '甲', { deadlines: [{ text: '2009年底前', start: null, end: '2009-12-31', precision: 'year', label: '2009' }] });
    const period = node('Task', '乙', { deadlines: [{ text: '2011–2015年', start: '2011-01-01', end: '2015-12-31', precision: 'period', label: '2011–2015' }] });
    const undated = node('Task', '丙');
    const leads: Record<string, string[]> = { [dated.id]: ['agency:财政局'] };
    const m = buildTimeline([dated, period, undated], (id) => (leads[id] ?? []).map((k) => ({ key: k, label: k.slice(7) })), (id) => leads[id] ?? [], '无牵头单位');
    expect(m.rows.map((r) => r.label)).toEqual(['财政局', '无牵头单位']);
    expect(m.rows[1]!.items[0]!.noLead).toBe(true);
    expect(m.undated).toEqual([{ id: undated.id, name: '丙', noLead: true }]);
    expect(m.min).toBe(2009);
    expect(m.max).toBe(2016);
    expect(yearFraction('2010-07-02')).toBeCloseTo(2010.5, 2);
  });
});

describe('matrix CSV', () => {
  it('writes agencies × tasks with L / C and quotes what needs quoting', () => {
    const csv = matrixCsv({
      agencies: [{ id: 'a', name: '科技信息局' }, { id: 'b', name: '财政局' }],
      tasks: [{ id: 't1', name: '建设"深港创新圈"' }, { id: 't2', name: '孵化器, 加速器' }],
      cells: [{ agency: 'a', task: 't1', role: 'LEADS' }, { agency: 'b', task: 't2', role: 'COOPERATES' }],
      truncated: false, limit: 5000,
    });
    expect(csv).toBe('\uFEFFagency,"建设""深港创新圈""","孵化器, 加速器"\r\n科技信息局,L,\r\n财政局,,C\r\n');
    expect(toCsv([['a\nb']])).toBe('\uFEFF"a\nb"\r\n');
  });
});

describe('i18n', () => {
  it('switches dictionaries, remembers the choice and names types in both languages', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadLang(storage)).toBe('zh');
    expect(t('workload')).toBe('工作量');
    setLang('en', storage);
    expect(t('more', { n: 7 })).toBe('7 more');
    expect(edgeTypeName('COOPERATES', true)).toBe('cooperates 配合');
    expect(loadLang(storage)).toBe('en');
    setLang('zh', storage);
    expect(getLang()).toBe('zh');
    expect(t('more', { n: 7 })).toBe('还有 7 个');
  });
});

describe('panel registry', () => {
  it('lets another module add a tab, and replaces by id', () => {
    registerPanel('documents', () => 'Documents', () => undefined);
    registerPanel('documents', 'documents', () => undefined);
    expect(panelIds().filter((id) => id === 'documents')).toHaveLength(1);
  });
});

describe('API client', () => {
  const respond = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  it('turns error bodies into readable ApiErrors', async () => {
    const api = createApiClient('', respond(400, { error: { code: 'bad_request', message: 'depth must be 1..3', field: 'depth' } }));
    await expect(api.neighbors('agency:x', { depth: 9 })).rejects.toThrow(new ApiError('depth must be 1..3 (depth)', 400, 'bad_request', 'depth'));
  });
  it('rejects responses that do not match the contract', async () => {
    const api = createApiClient('', respond(200, { hits: 'nope' }));
    await expect(api.search('科信局')).rejects.toThrow(/Unexpected response from \/api\/search/);
  });
  it('encodes ids and lists in the query', async () => {
    let seen = '';
    const api = createApiClient('', async (url) => { seen = String(url); return new Response(JSON.stringify({ nodes: [], edges: [], truncated: false, limit: 5 }), { status: 200 }); });
    await api.neighbors('agency:科技信息局', { edgeTypes: ['LEADS', 'COOPERATES'] });
    expect(seen).toBe(`/api/nodes/${encodeURIComponent('agency:科技信息局')}/neighbors?edgeTypes=LEADS%2CCOOPERATES`);
  });
  it('shares one request per key and forgets failures', async () => {
    const cache = new PrefetchCache<number>(2);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    await cache.get('a', load);
    await cache.get('a', load);
    expect(calls).toBe(1);
    await expect(cache.get('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await Promise.resolve();
    await cache.get('bad', load);
    expect(calls).toBe(2);
  });
});
