import type { GraphJson } from '../model/index.ts';
import type { GraphStore, LoadSummary } from '../store/types.ts';

export interface Written<T> {
  item: T;
  result: LoadSummary | Error;
}

/**
 * Queues document fragments and writes them with `replaceDocuments` in batches that grow with
 * the graph. The embedded store copies and re-indexes its whole graph on each write, so a write
 * waits until the queue holds at least `minDocs` documents and `growth` times the store's size
 * in elements: each write then grows the graph by a fixed fraction, and a long ingest costs a
 * constant number of graph copies per element instead of one per batch.
 */
export class FragmentWriter<T> {
  private queue: { item: T; doc: string; fragment: GraphJson }[] = [];
  private queued = 0;

  constructor(
    private readonly store: GraphStore,
    private storeElements: number,
    private readonly onWritten: (batch: Written<T>[]) => Promise<void>,
    private readonly minDocs = 25,
    private readonly growth = 0.5,
  ) {}

  /** Documents queued and not yet in the store. */
  get docs(): string[] {
    return this.queue.map((q) => q.doc);
  }

  async add(item: T, doc: string, fragment: GraphJson): Promise<void> {
    this.queue.push({ item, doc, fragment });
    this.queued += fragment.nodes.length + fragment.edges.length;
    if (this.queue.length >= this.minDocs && this.queued >= this.growth * this.storeElements) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.queued = 0;
    let results: (LoadSummary | Error)[];
    try {
      results = await this.store.replaceDocuments(batch.map(({ doc, fragment }) => ({ doc, fragment })));
    } catch (err) {
      results = batch.map(() => err as Error); // the store is down: every document of the write failed
    }
    const last = [...results].reverse().find((r): r is LoadSummary => !(r instanceof Error));
    if (last) this.storeElements = last.nodes + last.edges;
    await this.onWritten(batch.map((b, k) => ({ item: b.item, result: results[k]! })));
  }
}
