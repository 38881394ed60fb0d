import type { Counts } from '../graph/store/types.ts';

/**
 * A value derived from the whole graph, recomputed only when the store's counts change
 * (a load or a document replacement) or when invalidated explicitly. Concurrent callers
 * share one computation.
 */
export class SnapshotCache<T> {
  private key: string | undefined;
  private value: Promise<T> | undefined;

  constructor(
    /** The store's counts, read (under the request timeout) to detect a changed graph. */
    private readonly counts: () => Promise<Counts>,
    private readonly compute: () => Promise<T>,
  ) {}

  async get(): Promise<T> {
    const key = countsKey(await this.counts());
    if (this.value === undefined || key !== this.key) {
      this.key = key;
      const pending = this.compute();
      // A failed computation is not cached: the next request tries again.
      pending.catch(() => {
        if (this.value === pending) this.value = undefined;
      });
      this.value = pending;
    }
    return this.value;
  }

  invalidate(): void {
    this.value = undefined;
  }
}

function countsKey(c: Counts): string {
  return JSON.stringify([c.totalNodes, c.totalEdges, c.nodes, c.edges]);
}
