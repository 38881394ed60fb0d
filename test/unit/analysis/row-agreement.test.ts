import { describe, expect, it } from 'vitest';
import { findRowDisagreements } from '../../../graph/analysis/row-agreement.ts';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import { laterEditionText } from '../../support/later-edition.ts';
import { PLAN, SCI, seed } from '../etl/seed-sources.ts';

const laterEdition = (file: string) => readSourceText(file, laterEditionText());

describe('rows several documents name, compared across documents', () => {
  it('finds nothing on the seeds: no row is in both', () => {
    expect(findRowDisagreements(buildGraph([seed(PLAN), seed(SCI)]).graph)).toEqual([]);
  });

  it('reports the one row whose lead unit the later edition changed, with both documents', () => {
    const { graph } = buildGraph([seed(PLAN), seed(SCI), laterEdition('plan-2010.txt')]);
    expect(findRowDisagreements(graph)).toEqual([
      {
        rowId: 'task:完善大学城管理体制',
        rowName: '完善大学城管理体制',
        role: 'LEADS',
        documents: [
          { doc: PLAN, tableNo: 3, units: ['教育局'], row: { doc: PLAN, line: 231, quote: '3.完善大学城管理体制' } },
          { doc: 'plan-2010.txt', tableNo: 3, units: ['科技信息局'], row: { doc: 'plan-2010.txt', line: 231, quote: '3.完善大学城管理体制' } },
        ],
      },
    ]);
  });
});
