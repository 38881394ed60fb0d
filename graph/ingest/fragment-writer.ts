import type { GraphJson } from '../model/index.ts';
import type { GraphStore, LoadSummary } from '../store/types.ts';

export interface Written<T> {
  item: T;
  result: LoadSummary | Error;
}

/**
 * Queues document fragments and writes them with `replaceDocuments`, `batchDocs` at a time: both
 * stores write in proportion to the batch (the embedded one into an overlay, Neo4j by id), so
 * one write per batch bounds what a crash can cost without paying for the graph's size.
 */
export class FragmentWriter<T> {
  private queue: { item: T; doc: string; fragment: GraphJson; parsed: boolean }[] = [];

  constructor(
    private readonly store: GraphStore,
    private readonly onWritten: (batch: Written<T>[]) => Promise<void>,
    private readonly batchDocs = 25,
  ) {}

  /** Documents queued and not yet in the store. */
  get docs(): string[] {
    return this.queue.map((q) => q.doc);
  }

  /** `parsed`: the fragment is the Graph JSON schema's output already (see DocumentReplacement). */
  async add(item: T, doc: string, fragment: GraphJson, parsed = false): Promise<void> {
    this.queue.push({ item, doc, fragment, parsed });
    if (this.queue.length >= this.batchDocs) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    let results: (LoadSummary | Error)[];
    try {
      results = await this.store.replaceDocuments(batch.map(({ doc, fragment, parsed }) => ({ doc, fragment, parsed })));
    } catch (err) {
      results = batch.map(() => err as Error); // the store is down: every document of the write failed
    }
    await this.onWritten(batch.map((b, k) => ({ item: b.item, result: results[k]! })));
  }
}
