import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/synthetic/corpus.ts';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import type { SourceDocument } from '../../../graph/etl/types.ts';
import { buildFragments } from '../../../graph/ingest/fragment.ts';
import { confirmMerge, emptyRules, type MergeRules } from '../../../graph/ingest/merge-rules.ts';
import { readWhole } from '../../../graph/ingest/read-against-context.ts';
import { variedSeedCorpus } from '../../../graph/ingest/throughput.ts';

// A document read against the cached context must get exactly what the whole ETL over the
// context plus that document gives it, whatever else shares its batch.

const SEEDS = ['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt'];
const raw = SEEDS.map((file) => ({ file, text: readFileSync(`seeds/${file}`, 'utf8') }));
const context = raw.map((s) => readSourceText(s.file, s.text));
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const varied = [...variedSeedCorpus(raw, 4)].map((d) => readSourceText(d.name, decode(d.bytes)));
const synthetic = [...generateCorpus({ documents: 2, seed: 5, sections: 4 })].map((d) => readSourceText(d.file, d.text));
const renamed = (file: string, from: SourceDocument) => ({ ...from, file });

function expectSameAsWholeRun(batch: SourceDocument[], rules: MergeRules, current = context): void {
  const got = buildFragments(context, batch, rules);
  for (const d of batch) {
    const want = readWhole({ sources: current.filter((s) => s.file !== d.file) }, d, rules);
    expect(JSON.stringify(got.get(d.file)), d.file).toBe(JSON.stringify(want));
  }
}

describe('buildFragments against a cached context', () => {
  const rules = confirmMerge(
    confirmMerge(emptyRules(), { id: 'agency:科技信息局', name: '科技信息局', type: 'Agency' }, { id: 'agency:科技创新委', name: '科技创新委', type: 'Agency' }, 'x'),
    { id: 'institution:北京大学深圳研究生院', name: '北京大学深圳研究生院', type: 'Institution' }, { id: 'institution:北京大学', name: '北京大学', type: 'Institution' }, 'x',
  );

  it('gives each document what a whole run over the seeds and that document gives it', () => {
    expectSameAsWholeRun([...varied, ...synthetic], emptyRules());
  });

  it('does the same with merge rules', () => {
    const batch = [...varied.slice(0, 2), ...synthetic];
    expectSameAsWholeRun(batch, rules);
    expect(JSON.stringify(buildFragments(context, batch, rules).get(batch[0]!.file))).not.toBe(JSON.stringify(buildFragments(context, batch).get(batch[0]!.file)));
  });

  it('handles documents that sort before the seeds, and one that would become the technology catalogue', () => {
    const early = [renamed('0000_a.txt', varied[0]!), renamed('001_b.txt', varied[1]!), renamed('0035_c.txt', varied[1]!)];
    expectSameAsWholeRun(early, emptyRules());
    expectSameAsWholeRun(early, rules);
  });

  it('reads the others against a seed re-read in the same batch', () => {
    const seed = { ...context[1]!, lines: context[1]!.lines.map((l, i) => (i === 40 ? `${l}依托南方科技大学组建新材料实验室。` : l)) };
    expectSameAsWholeRun([seed, ...synthetic], emptyRules(), [context[0]!, seed]);
  });

  it('gives a document the same fragment in any batch', () => {
    const alone = buildFragments(context, [varied[2]!]).get(varied[2]!.file);
    const together = buildFragments(context, [...varied, ...synthetic]).get(varied[2]!.file);
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
  });
});
