import { Worker } from 'node:worker_threads';
import { extractBatch, type ExtractJob } from './extract-batch.ts';
import type { DocumentFragment } from './fragment.ts';

export type Extract = (job: ExtractJob) => Promise<Map<string, DocumentFragment>>;

/** The ETL in this thread: for a short ingest, where starting a thread costs more than it saves. */
export const extractHere: Extract = async (job) => new Map(extractBatch(job));

type Reply = { id: number; ok: true; fragments: string } | { id: number; ok: false; message: string };

/**
 * The ETL on a thread of its own, so a long ingest reads the next batch while this thread writes
 * the last one to the store (two cores, both busy). The thread runs this project's own code on
 * copies of the inputs; its replies are what `extractBatch` returned, as JSON text.
 * `close()` ends it; a thread that dies fails the batches it held, with its reason.
 */
export function extractOnThread(): { extract: Extract; close(): Promise<void> } {
  const worker = new Worker(new URL('./etl-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  const waiting = new Map<number, { resolve(m: Map<string, DocumentFragment>): void; reject(e: Error): void }>();
  let nextId = 0;
  let dead: Error | null = null;
  const fail = (err: Error) => {
    dead = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(new Map(JSON.parse(reply.fragments) as [string, DocumentFragment][]));
    else w.reject(new Error(reply.message));
  });
  worker.on('error', (err) => fail(new Error(`the ETL thread failed: ${err.message}`)));
  worker.on('exit', (code) => fail(new Error(`the ETL thread ended (exit code ${code})`)));
  return {
    extract: (job) =>
      new Promise((resolve, reject) => {
        if (dead) return reject(dead);
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, job });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
