import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../graph/cli/cli-args.ts';
import { countGraph, formatCounts } from '../../../graph/cli/print-counts.ts';
import { topLeadAgencies } from '../../../graph/cli/top-leads.ts';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { InvalidInputError } from '../../../graph/store/errors.ts';
import { PLAN, SCI, seed } from './seed-sources.ts';

const { graph } = buildGraph([seed(PLAN), seed(SCI)]);

describe('stats: top lead agencies', () => {
  it('ranks agencies by division-table rows led, ties by id', () => {
    expect(topLeadAgencies(graph, 4).map((a) => [a.name, a.rows, a.level])).toEqual([
      ['发展改革局', 28, 'municipal'],
      ['科技信息局', 24, 'municipal'],
      ['贸工局', 13, 'municipal'],
      ['金融办', 9, 'municipal'],
    ]);
  });

  it('counts table rows only, never section clauses or collective phrases', () => {
    const all = topLeadAgencies(graph, 1000);
    expect(all.reduce((n, a) => n + a.rows, 0)).toBe(graph.edges.filter((e) => e.type === 'LEADS' && e.props.source === 'table').length);
    expect(all.some((a) => a.name.startsWith('各'))).toBe(false);
  });

  it('prints counts per type in the vocabulary order', () => {
    const text = formatCounts(countGraph(graph));
    expect(text).toMatch(/^nodes \d+\n {2}Agency {7,}58\n/);
    expect(text).toContain('CITES           100');
  });
});

describe('CLI arguments', () => {
  it('reads files and flags', () => {
    expect(parseCliArgs(['seeds/a.txt', '--store', 'memory', '--format', 'json', '--out', 'x.json'])).toEqual({
      files: ['seeds/a.txt'], store: 'memory', format: 'json', out: 'x.json', top: 10, json: false, force: false,
    });
  });

  it('rejects a store kind it does not know', () => {
    expect(() => parseCliArgs(['--store', 'sqlite'])).toThrow(InvalidInputError);
  });
});
