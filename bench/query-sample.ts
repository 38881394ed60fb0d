import type { GraphJson } from '../graph/model/index.ts';
import { Prng } from './synthetic/prng.ts';

/** Deterministic ids and search terms for the query benchmarks, drawn from the graph itself. */
export interface QuerySample {
  nodes: string[]; // neighbours start points, mixed types
  pairs: [string, string][]; // shortest-path endpoints
  technologies: string[];
  terms: string[];
}

export function sampleQueries(graph: GraphJson, seed = 3): QuerySample {
  const rng = new Prng(seed);
  const of = (type: string) => graph.nodes.filter((n) => n.type === type);
  const agencies = rng.sample(of('Agency'), 20);
  const tasks = rng.sample(of('Task'), 40);
  const techs = rng.sample(of('Technology'), 20);
  const mixed = [...agencies, ...tasks, ...techs].map((n) => n.id);
  const nodes = rng.sample(mixed, mixed.length);
  const pairs: [string, string][] = [];
  for (let i = 0; i < 20 && tasks.length > 1; i++) pairs.push([rng.pick(tasks).id, rng.pick([...tasks, ...agencies]).id]);
  // Exact names, prefixes and inner substrings: the three match ranks search reports.
  const terms = rng.sample([...agencies, ...tasks, ...techs], 30).flatMap((n) => {
    const cs = [...n.name];
    const mid = Math.floor(cs.length / 2);
    return [n.name, cs.slice(0, 2).join(''), cs.slice(mid, mid + 2).join('')].filter((t) => t.length > 0);
  });
  return { nodes, pairs, technologies: techs.map((n) => n.id), terms };
}
