import { buildGraph } from '../graph/etl/build-graph.ts';
import type { ConsistencyCheck } from './context.ts';

/** The ETL's own text-vs-table check: the same findings `npm run kg -- etl` reports. */
export const etlConsistencyCheck: ConsistencyCheck = (docs) => {
  const { findings, warnings } = buildGraph(docs);
  return { findings, warnings };
};
