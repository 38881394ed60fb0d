import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmMergeAction, listMergeCandidates, rejectMergeAction } from '../../graph/ingest/merge-actions.ts';
import { applyMergeRules, loadMergeRules } from '../../graph/ingest/merge-rules.ts';
import { FIX, S000, S004, fixtureAs, rebuild, seedSource, seededEnv, type Env } from './helpers.ts';

let env: Env;
beforeEach(async () => {
  env = await seededEnv();
});
afterEach(() => env.cleanup());

const ALIAS = 'institution:深圳大学城';
const CANONICAL = 'agency:大学城管委会';

describe('confirmed merges are rules that survive re-ingest', () => {
  it('confirm folds the alias into the canonical node in the store, as a rebuild with the rule would', async () => {
    const ctx = { store: env.store, library: env.library, dataDir: env.dir };
    const r = await confirmMergeAction(ctx, ALIAS, CANONICAL);
    expect(r.rule).toMatchObject({ alias: ALIAS, canonical: CANONICAL, canonicalName: '大学城管委会', canonicalType: 'Agency' });
    const rules = await loadMergeRules(env.dir);
    const after = await env.store.exportGraph();
    expect(after.nodes.some((n) => n.id === ALIAS)).toBe(false);
    expect(after.nodes.find((n) => n.id === CANONICAL)!.aliases).toContain('深圳大学城');
    expect(after).toEqual(applyMergeRules(rebuild(seedSource(S000), seedSource(S004)), rules));

    // A changed version of 000 is read with the rule already applied.
    env.rules = rules;
    await env.ingest([join(FIX, '000-row-changed.txt')]);
    expect(await env.store.exportGraph()).toEqual(applyMergeRules(rebuild(fixtureAs('000-row-changed.txt', S000), seedSource(S004)), rules));

    // A new document that names the alias gets the canonical node too.
    const lines = readFileSync(`seeds/${S000}`, 'utf8').split('\n');
    lines[0] = 'http://www.sz.gov.cn/new.htm';
    lines[6] = '文   号: 深府〔2010〕5号';
    await env.ingest([{ name: 'new.txt', bytes: Buffer.from(lines.join('\n')) }]);
    const withNew = await env.store.exportGraph();
    expect(withNew.nodes.some((n) => n.id === ALIAS)).toBe(false);
    const canonical = withNew.nodes.find((n) => n.id === CANONICAL)!;
    expect(canonical.evidence.filter((e) => e.doc === 'new.txt' && e.quote === '深圳大学城').length).toBeGreaterThan(0);
  });

  it('a rejected pair is not proposed again and changes nothing in the graph', async () => {
    const before = await env.store.exportGraph();
    await rejectMergeAction(env.dir, CANONICAL, ALIAS);
    expect((await loadMergeRules(env.dir)).rejections.map((x) => [x.a, x.b])).toEqual([[CANONICAL, ALIAS]]);
    const listed = await listMergeCandidates({ store: env.store, dataDir: env.dir });
    expect(listed.some((c) => c.id === `${CANONICAL}|${ALIAS}`)).toBe(false);
    expect(await env.store.exportGraph()).toEqual(before);
  });
});
