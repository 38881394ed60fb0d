import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/synthetic/corpus.ts';
import { generateGraph } from '../../bench/synthetic/graph-json.ts';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { readStructure } from '../../graph/etl/parse-document.ts';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { GraphJsonSchema } from '../../graph/model/index.ts';

// The bench's synthetic data must be what it claims: deterministic, read by the real ETL the
// way the seeds are (header, sections, clauses, table), and valid Graph JSON at any size.

describe('synthetic corpus', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...generateCorpus({ documents: 3, seed: 1 })].map((d) => d.text);
    expect([...generateCorpus({ documents: 3, seed: 1 })].map((d) => d.text)).toEqual(a);
    expect([...generateCorpus({ documents: 3, seed: 2 })].map((d) => d.text)).not.toEqual(a);
  });

  it('is parsed by the real ETL into header, sections, clauses and every table row', () => {
    const [doc] = [...generateCorpus({ documents: 1, seed: 5, sections: 6 })];
    if (!doc) throw new Error('no document generated');
    const rows = doc.text.split('\n').filter((l) => /^\d+\.\S/.test(l)).length;
    const s = readStructure(readSourceText(doc.file, doc.text));
    expect(s.parsed.source.header.number).toMatch(/^深府〔2026〕\d+号$/);
    expect(s.table?.rows.length).toBe(rows);
    expect(s.sections.length).toBeGreaterThan(6);
    expect(s.clauses.length).toBeGreaterThan(6);
    expect(s.clauses.every((c) => c.sectionId !== null)).toBe(true);
    const g = buildGraph([readSourceText(doc.file, doc.text)]).graph;
    const types = new Set(g.edges.map((e) => e.type));
    for (const t of ['LEADS', 'COOPERATES', 'PART_OF', 'CITES']) expect(types).toContain(t);
  });

  it('direct Graph JSON reaches its edge target, is valid and has no dangling edges', () => {
    const g = generateGraph(20_000, 1);
    expect(g.edges.length).toBeGreaterThanOrEqual(20_000);
    expect(g.edges.length).toBeLessThan(20_100);
    expect(GraphJsonSchema.safeParse({ nodes: g.nodes, edges: g.edges }).success).toBe(true);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
  });
});
