/**
 * A small cache of in-flight or finished requests by key. Hovering or selecting a node starts
 * fetching its neighbours, so the double-click that follows finds them already on the way.
 */
export class PrefetchCache<T> {
  private readonly map = new Map<string, Promise<T>>();
  constructor(private readonly max = 64) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.map.get(key);
    if (p) {
      this.map.delete(key); // re-insert: most recently used last
    } else {
      p = load();
      // A failed request is not cached: the next attempt asks again.
      p.catch(() => this.map.delete(key));
    }
    this.map.set(key, p);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    return p;
  }

  clear(): void {
    this.map.clear();
  }
}
