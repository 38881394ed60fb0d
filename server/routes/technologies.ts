import { Router } from 'express';
import type { z } from 'zod';
import { TechnologyTermsResponseSchema } from '../../graph/api/index.ts';
import { TECHNOLOGY_GLOSSES } from '../../graph/analysis/technology-glosses.ts';
import { TECHNOLOGY_TERMS } from '../../graph/etl/glossary/technology-terms.ts';
import type { AppContext } from '../context.ts';
import { sendJson } from '../http/send.ts';
import { SnapshotCache } from '../snapshot-cache.ts';

type Terms = z.output<typeof TechnologyTermsResponseSchema>;

/** The technologies in the graph with their lexicon terms and glosses, and each task's number of targets. */
export interface TechnologyIndex {
  terms: Terms;
  breadth: Map<string, number>;
}

export function buildTechnologyIndex(graph: { nodes: readonly { id: string; type: string; name: string; props: Record<string, unknown> }[]; edges: readonly { type: string; source: string }[] }): TechnologyIndex {
  const termsOf = new Map<string, string[]>();
  for (const [term, tech] of TECHNOLOGY_TERMS) {
    const list = termsOf.get(tech) ?? [];
    list.push(term);
    termsOf.set(tech, list);
  }
  const technologies = graph.nodes.filter((n) => n.type === 'Technology').map((n) => ({
    id: n.id, name: n.name, nameEn: TECHNOLOGY_GLOSSES[n.name] ?? null,
    kind: typeof n.props['kind'] === 'string' ? n.props['kind'] : null, terms: termsOf.get(n.name) ?? [],
  }));
  const breadth = new Map<string, number>();
  for (const e of graph.edges) if (e.type === 'TARGETS') breadth.set(e.source, (breadth.get(e.source) ?? 0) + 1);
  return { terms: { technologies }, breadth };
}

/** One export per graph change feeds the picker and the trace's precision note. */
export function technologyIndexCache(ctx: AppContext): SnapshotCache<TechnologyIndex> {
  return new SnapshotCache(() => ctx.call((s) => s.counts()), async () => buildTechnologyIndex(await ctx.call((s) => s.exportGraph())));
}

export function technologyRoutes(ctx: AppContext, index: SnapshotCache<TechnologyIndex>): Router {
  const r = Router();
  r.get('/technologies/terms', async (_req, res) => {
    sendJson(res, TechnologyTermsResponseSchema, (await index.get()).terms);
  });
  return r;
}
