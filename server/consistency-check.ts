import { findRowDisagreements } from '../graph/analysis/row-agreement.ts';
import { buildGraph } from '../graph/etl/build-graph.ts';
import type { ConsistencyCheck } from './context.ts';

/**
 * The ETL's own text-vs-table check over every loaded document (the findings `npm run kg -- check`
 * reports), plus rows the documents name differently from one another.
 */
export const etlConsistencyCheck: ConsistencyCheck = (docs) => {
  const { graph, findings, warnings } = buildGraph(docs);
  return { findings, warnings, rowDisagreements: findRowDisagreements(graph) };
};
