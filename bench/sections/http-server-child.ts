// Child process of the HTTP section: the real app over the seed graph on a loopback port,
// in its own process so the load generator and the server each get a core.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEtl, loadServer, loadStore } from '../deps.ts';
import { readSeeds } from '../seed-text.ts';

async function main(): Promise<void> {
  const [etl, storeMod, server] = [await loadEtl(), await loadStore(), await loadServer()];
  if (!etl.ok) throw new Error(etl.reason);
  if (!storeMod.ok) throw new Error(storeMod.reason);
  if (!server.ok) throw new Error(server.reason);
  const store = await storeMod.api.createStore(storeMod.api.storeConfigFromEnv(process.env, { kind: 'memory', dataDir: mkdtempSync(join(tmpdir(), 'bench-http-')) }));
  await store.loadGraph(etl.api.buildGraph(readSeeds().map((d) => etl.api.readSourceText(d.file, d.text))).graph);
  const app = server.api.createApp({ store, options: { staticDir: null } } as Parameters<typeof server.api.createApp>[0]);
  const { createServer } = await import('node:http');
  const http = createServer(app);
  http.listen(0, '127.0.0.1', () => {
    console.log(`PORT ${(http.address() as AddressInfo).port}`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
