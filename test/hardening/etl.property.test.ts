import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { ExtractionWarningSchema, GraphJsonSchema, type Evidence } from '../../graph/model/index.ts';
import { damagedDocument } from './arbitraries.ts';
import { expectPlaced } from './placed.ts';

// The whole ETL on damaged documents: no exception escapes; every problem is a warning that
// names a real line; every fact it keeps cites a real line that contains its quote.

const FILE = '900_fuzz.txt';

function expectEvidence(lines: readonly string[], e: Evidence): void {
  if (e.doc !== FILE) return; // facts from built-in glossaries cite other sources
  expectPlaced(lines, { line: e.line, text: e.quote });
}

describe('ETL on damaged input', () => {
  it('never throws; warnings and evidence point at real lines', () => {
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const src = readSourceText(FILE, text);
        const result = buildGraph([src]);
        expect(GraphJsonSchema.safeParse(result.graph).success).toBe(true);
        for (const w of result.warnings) {
          expect(ExtractionWarningSchema.safeParse(w).success).toBe(true);
          expect(w.doc).toBe(FILE);
          expect(w.line).toBeLessThanOrEqual(src.lines.length);
        }
        for (const x of [...result.graph.nodes, ...result.graph.edges]) for (const e of x.evidence) expectEvidence(src.lines, e);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a table row with a cell too many as a warning on that line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.constantFrom('市科技信息局', '市财政局等', '深圳大学'), (no, extra) => {
        const lines = ['附表：分工一览表', '具体工作任务', '牵头单位', '协办单位', '（一）测试', `${no}.建设测试平台`, '市发展改革局', '市财政局等', extra];
        const result = buildGraph([readSourceText(FILE, lines.join('\n'))]);
        const extraLine = lines.length; // 1-based line of the extra cell
        expect(result.warnings.some((w) => w.line === extraLine && w.kind === 'unparsed-line')).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('reports a clause citing a missing table row as a warning on the clause line', () => {
    const lines = ['　　一、测试', '　　（一）测试任务。', '　　责任单位：市发展改革局牵头，市财政局等配合（见附表7）。', '具体工作任务', '牵头单位', '协办单位', '（一）测试', '1.建设测试平台', '市发展改革局', '市财政局等'];
    const result = buildGraph([readSourceText(FILE, lines.join('\n'))]);
    expect(result.warnings.some((w) => w.line === 3 && w.kind === 'missing-table-row')).toBe(true);
  });
});
