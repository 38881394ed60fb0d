import { describe, it } from 'vitest';
import { createStore, storeConfigFromEnv } from '../../graph/store/create-store.ts';
import { describeGraphStore } from './graph-store.contract.ts';

// The Neo4j leg of the contract: runs whenever NEO4J_URI is set (`npm run test:neo4j`).
// It clears every node of ours in that database, so point it at a scratch database.
const uri = process.env['NEO4J_URI']?.trim();

if (uri) {
  describeGraphStore(`neo4j (${uri})`, () => createStore(storeConfigFromEnv(process.env, { kind: 'neo4j' })));
} else {
  const reason = 'NEO4J_URI is not set';
  console.warn(`Neo4j leg skipped: ${reason}. Start Neo4j and set NEO4J_URI, NEO4J_PASSWORD (and NEO4J_DATABASE) to run it.`);
  describe.skip(`Neo4j leg skipped: ${reason}`, () => {
    it('runs the GraphStore contract against Neo4j', () => undefined);
  });
}
