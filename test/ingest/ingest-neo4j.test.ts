import { describe, it } from 'vitest';
import { createStore, storeConfigFromEnv } from '../../graph/store/create-store.ts';
import { describeIngest } from './ingest-contract.ts';

// Runs when NEO4J_URI is set, in a graph of its own (NEO4J_GRAPH), so it can run beside the other Neo4j files.
const uri = process.env['NEO4J_URI']?.trim();
if (uri) {
  describeIngest(`neo4j (${uri})`, (dir) => createStore(storeConfigFromEnv({ ...process.env, NEO4J_GRAPH: 'pg_test_ingest' }, { kind: 'neo4j', dataDir: dir })));
} else {
  // Said in the output, not only in a skipped title: a reader of the log must see why it did not run.
  console.warn('Ingest on Neo4j skipped: NEO4J_URI is not set. Start Neo4j and set NEO4J_URI, NEO4J_PASSWORD to run it.');
  describe.skip('ingest on Neo4j skipped: NEO4J_URI is not set', () => {
    it('runs the ingest expectations against Neo4j', () => undefined);
  });
}
