import { join } from 'node:path';
import { buildGraph } from '../graph/etl/build-graph.ts';
import { createStore, storeConfigFromEnv } from '../graph/store/create-store.ts';
import { createApp } from './app.ts';
import { readServerEnv } from './env.ts';
import { seedIfEmpty } from './seed.ts';
import { createFolderSources } from './sources.ts';

async function main(): Promise<void> {
  const env = readServerEnv(process.env);
  const store = await createStore(storeConfigFromEnv(process.env, { dataDir: env.DATA_DIR }));
  console.log(`policy-graph: ${store.kind} store; ${await seedIfEmpty(store, env.SEEDS_DIR)}`);

  const app = createApp({
    store,
    sources: createFolderSources([env.SEEDS_DIR, join(env.DATA_DIR, 'sources')]),
    consistencyCheck: (docs) => {
      const { findings, warnings } = buildGraph(docs);
      return { findings, warnings };
    },
    options: { timeoutMs: env.STORE_TIMEOUT_MS, bodyLimit: env.BODY_LIMIT, staticDir: env.WEB_DIR, ...(env.CORS_ORIGIN ? { corsOrigin: env.CORS_ORIGIN } : {}) },
  });

  const server = app.listen(env.PORT, env.HOST, (err?: Error) => {
    if (err) {
      console.error(`policy-graph: cannot listen on ${env.HOST}:${env.PORT}: ${(err as NodeJS.ErrnoException).code ?? err.message}`);
      process.exit(1);
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const shown = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
    console.log(`policy-graph: serving UI and API on http://${shown}:${port}/ (API docs: /api/docs)`);
  });

  const shutdown = () => {
    server.close(() => void store.close().finally(() => process.exit(0)));
    // Keep-alive sockets can hold close() open; do not hang on Ctrl-C.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  // One line, no stack: configuration and connection problems are for the operator to fix.
  console.error(`policy-graph: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
