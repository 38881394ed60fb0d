import { rebuildIfOlderEtl } from '../graph/ingest/etl-upgrade.ts';
import { SourceLibrary } from '../graph/ingest/library.ts';
import { loadMergeRules } from '../graph/ingest/merge-rules.ts';
import { createStore, storeConfigFromEnv } from '../graph/store/create-store.ts';
import { MemoryGraphStore } from '../graph/store/memory/memory-store.ts';
import { withDataWrite } from '../graph/ingest/data-write.ts';
import { JOURNAL_FILE } from '../graph/store/data-dir/commit.ts';
import { SNAPSHOT_FILE } from '../graph/store/memory/snapshot.ts';
import { createApp } from './app.ts';
import { bindsBeyondLoopback, readServerEnv } from './env.ts';
import { seedIfEmpty } from './seed.ts';
import { watchSnapshot } from './snapshot-watch.ts';

async function main(): Promise<void> {
  const env = readServerEnv(process.env);
  const store = await createStore(storeConfigFromEnv(process.env, { dataDir: env.DATA_DIR }));
  // The embedded store lives in this process: re-read its snapshot when the CLI rewrites it.
  const memory = store instanceof MemoryGraphStore ? store : undefined;
  // The CLI's document library: ingested versions shadow seeds, removed seeds are gone; the
  // evidence viewer and the consistency check read what was actually loaded.
  const library = await SourceLibrary.open(env.DATA_DIR, env.SEEDS_DIR);
  // Seeding and an ETL upgrade write: under the data dir's lock, like every other writer.
  await withDataWrite({ dataDir: env.DATA_DIR, store, library, command: 'server start', onWait: (m) => console.log(`policy-graph: ${m}`) }, async () => {
    console.log(`policy-graph: ${store.kind} store; ${await seedIfEmpty(store, env.SEEDS_DIR)}`);
    const upgraded = await rebuildIfOlderEtl(store, library, await loadMergeRules(env.DATA_DIR));
    if (upgraded) console.log(`policy-graph: ${upgraded}`);
  });
  const reload = async () => {
    await library.refresh();
    return memory ? memory.reloadIfChanged() : false;
  };

  const app = createApp({
    store,
    reload,
    sources: library,
    uploads: { library, enabled: env.ALLOW_UPLOADS, ...(env.UPLOAD_MAX_BYTES ? { maxBytes: env.UPLOAD_MAX_BYTES } : {}) },
    options: {
      timeoutMs: env.STORE_TIMEOUT_MS,
      bodyLimit: env.BODY_LIMIT,
      staticDir: env.WEB_DIR,
      ...(env.CORS_ORIGIN ? { corsOrigin: env.CORS_ORIGIN } : {}),
      ...(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {}),
      allowedHosts: [...env.ALLOWED_HOSTS, ...(bindsBeyondLoopback(env.HOST) && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? [env.HOST] : [])],
      writesNeedToken: bindsBeyondLoopback(env.HOST),
    },
  });
  if (memory?.dataDir) {
    // Every commit of another process creates and removes the commit record; a snapshot written
    // by an older CLI is seen by its own name.
    watchSnapshot(memory.dataDir, [SNAPSHOT_FILE, JOURNAL_FILE], () => {
      reload()
        .then((changed) => {
          app.locals.ctx.invalidate();
          if (changed) console.log(`policy-graph: reloaded ${SNAPSHOT_FILE} after a change on disk`);
        })
        .catch((err: unknown) => console.error(`policy-graph: kept the current graph: ${err instanceof Error ? err.message : String(err)}`));
    });
  }

  const server = app.listen(env.PORT, env.HOST, (err?: Error) => {
    if (err) {
      console.error(`policy-graph: cannot listen on ${env.HOST}:${env.PORT}: ${(err as NodeJS.ErrnoException).code ?? err.message}`);
      process.exit(1);
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const shown = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
    console.log(`policy-graph: serving UI and API on http://${shown}:${port}/ (API docs: /api/docs)`);
    if (env.ALLOW_UPLOADS) console.log('policy-graph: uploads enabled (ALLOW_UPLOADS): the API can add and remove documents');
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
