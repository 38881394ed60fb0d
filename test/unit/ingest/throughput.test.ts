import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import { contentHash } from '../../../graph/ingest/document-key.ts';
import { measureIngestEtl, variedSeedCorpus } from '../../../graph/ingest/throughput.ts';

const seeds = ['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt'].map((file) => ({ file, text: readFileSync(`seeds/${file}`, 'utf8') }));

describe('variedSeedCorpus', () => {
  it('makes distinct new documents from the seeds, each with its own URL and 文号', () => {
    const docs = [...variedSeedCorpus(seeds, 4)];
    const read = docs.map((d) => readSourceText(d.name, new TextDecoder().decode(d.bytes)));
    expect(read.map((r) => r.header.number)).toEqual(['深府〔2000〕1000号', '深府〔2001〕1001号', '深府〔2002〕1002号', '深府〔2003〕1003号']);
    expect(read[2]!.header.url).toBe('http://www.sz.gov.cn/synthetic/2/t000002.htm');
    expect(new Set(read.map((r) => contentHash(r.lines))).size).toBe(4);
    expect(read[0]!.lines.length).toBe(readSourceText('x', seeds[0]!.text).lines.length);
  });
});

describe('measureIngestEtl', () => {
  it('counts documents, bytes and fragments, and samples the heap once per batch', () => {
    const context = seeds.map((s) => readSourceText(s.file, s.text));
    const inputs = [...variedSeedCorpus(seeds, 3), { name: 'empty.txt', bytes: new Uint8Array() }];
    const m = measureIngestEtl(inputs, { context, batchSize: 2 });
    expect([m.documents, m.refused, m.heapMb.length]).toEqual([3, 1, 2]);
    expect(m.bytes).toBe(inputs.reduce((a, i) => a + i.bytes.length, 0));
    expect(m.nodes).toBeGreaterThan(3 * 100);
    expect(m.mbPerCpuSec).toBeGreaterThan(0);
  });

  it('counts the steady state from the first batch that starts after the warm-up documents', () => {
    const context = seeds.map((s) => readSourceText(s.file, s.text));
    const inputs = [...variedSeedCorpus(seeds, 5)];
    const m = measureIngestEtl(inputs, { context, batchSize: 2, warmup: 2 });
    // Batches [0,1] (warm-up), [2,3] and [4]: the last two count.
    expect(m.steady.documents).toBe(3);
    expect(m.steady.bytes).toBe(inputs.slice(2).reduce((a, i) => a + i.bytes.length, 0));
    expect(m.steady.cpuMs).toBeGreaterThan(0);
    expect(m.steady.cpuMs).toBeLessThan(m.cpuMs);
  });
});
