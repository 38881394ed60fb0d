import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../graph/etl/build-graph.ts';
import { extractDependencies } from '../../../graph/etl/dependencies.ts';
import { extractOrganisations } from '../../../graph/etl/organisations.ts';
import { extractTechnologies } from '../../../graph/etl/technologies.ts';
import { GraphJsonSchema } from '../../../graph/model/index.ts';
import { parsedSeeds, readSeed, rowId, rowNo, SEED_000, SEED_004 } from './seeds.ts';

describe('entity steps inside buildGraph', () => {
  const { graph } = buildGraph([readSeed(SEED_000), readSeed(SEED_004)]);
  const nodeIds = new Set(graph.nodes.map((n) => n.id));

  it('produces a valid graph whose entity edges all end on existing nodes', () => {
    expect(GraphJsonSchema.safeParse(graph).success).toBe(true);
    for (const e of graph.edges.filter((x) => ['TARGETS', 'SUBFIELD_OF', 'MENTIONS', 'DEPENDS_ON'].includes(x.type))) {
      expect(nodeIds.has(e.source), e.id).toBe(true);
      expect(nodeIds.has(e.target), e.id).toBe(true);
    }
  });

  it('answers "which agencies touch biotech work" from the table rows', () => {
    const bio = new Set(['technology:生命科学与生物技术', 'technology:医疗器械']);
    for (const e of graph.edges) if (e.type === 'SUBFIELD_OF' && bio.has(e.target)) bio.add(e.source);
    const rows = new Set(graph.edges.filter((e) => e.type === 'TARGETS' && bio.has(e.target) && rowNo(e.source) !== undefined).map((e) => e.source));
    expect([...rows].sort()).toEqual([8, 28, 29, 30, 45, 48].map(rowId).sort());
    const agencies = new Set(
      graph.edges.filter((e) => (e.type === 'LEADS' || e.type === 'COOPERATES') && rows.has(e.target)).map((e) => e.source),
    );
    expect([...agencies].sort()).toEqual(
      ['发展改革局', '科技信息局', '贸工局', '国土房产局', '规划局', '建设局', '食品药品监督局', '光明新区管委会', '大工业区管委会', '龙岗区政府']
        .map((n) => `agency:${n}`)
        .sort(),
    );
  });

  it('keeps one node per organisation across the structural and entity steps', () => {
    expect(graph.nodes.filter((n) => n.name === '深圳证券交易所' || n.aliases.includes('深交所'))).toHaveLength(1);
    const cooperating = graph.edges.filter((e) => e.type === 'COOPERATES' && e.source === 'institution:深圳证券交易所');
    expect(cooperating.length).toBeGreaterThan(0);
  });
});

describe('speed of the entity steps', () => {
  it('reads both seeds in well under the ETL budget', () => {
    const docs = parsedSeeds();
    const cpu = process.cpuUsage();
    extractOrganisations(docs);
    extractTechnologies(docs);
    extractDependencies(docs);
    const used = process.cpuUsage(cpu);
    // Measured about 25 ms cold and 6 ms warm; the whole ETL must stay under 200 ms.
    expect((used.user + used.system) / 1000).toBeLessThan(100);
  });
});
