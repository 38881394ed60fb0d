// The ETL thread of a long ingest (etl-thread.ts): batches in, fragments out, one at a time.
import { parentPort } from 'node:worker_threads';
import { extractBatch, type ExtractJob } from './extract-batch.ts';

parentPort!.on('message', (msg: { id: number; job: ExtractJob }) => {
  try {
    // As JSON text: parsing it costs the receiving thread about half what a structured clone's copy does.
    parentPort!.postMessage({ id: msg.id, ok: true, fragments: JSON.stringify(extractBatch(msg.job)) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: (err as Error).message });
  }
});
