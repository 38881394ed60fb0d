// Child process of the Neo4j section: the real app over the bench's graph on Neo4j, on a
// loopback port, in its own process so the load generator and the server each get a core.
import type { AddressInfo } from 'node:net';
import { loadServer, loadStore } from '../deps.ts';
import { BENCH_GRAPH } from './neo4j-types.ts';

async function main(): Promise<void> {
  const [storeMod, server] = [await loadStore(), await loadServer()];
  if (!storeMod.ok) throw new Error(storeMod.reason);
  if (!server.ok) throw new Error(server.reason);
  const store = await storeMod.api.createStore(storeMod.api.storeConfigFromEnv({ ...process.env, NEO4J_GRAPH: BENCH_GRAPH }, { kind: 'neo4j' }));
  const app = server.api.createApp({ store, options: { staticDir: null } } as Parameters<typeof server.api.createApp>[0]);
  const { createServer } = await import('node:http');
  const http = createServer(app);
  http.listen(0, '127.0.0.1', () => {
    console.log(`PORT ${(http.address() as AddressInfo).port}`);
  });
  process.on('SIGTERM', () => {
    void store.close().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
