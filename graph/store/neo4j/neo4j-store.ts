import type { GraphStore } from '../types.ts';
import { StoreUnavailableError } from '../errors.ts';

export async function openNeo4jStore(config: { uri: string }): Promise<GraphStore> {
  throw new StoreUnavailableError(`Neo4j store not available yet (NEO4J_URI=${config.uri})`);
}
