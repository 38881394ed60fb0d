import { sortGraphJson, type GraphJson } from '../model/index.ts';

/** Graph JSON in stable order: two exports of the same graph are byte-identical. */
export function toGraphJsonText(graph: GraphJson): string {
  return JSON.stringify(sortGraphJson(graph), null, 2) + '\n';
}
