import type { ElementDefinition } from 'cytoscape';

/** A canvas snapshot: elements with positions, and what each "N more" control still holds. */
export interface Snapshot<P> {
  elements: ElementDefinition[];
  pending: P;
  expanded: string[];
}

/** Bounded undo stack of whole-canvas snapshots: simple, and exact for expand, hide and collapse alike. */
export class History<P> {
  private stack: Snapshot<P>[] = [];
  constructor(private readonly limit = 30) {}
  push(s: Snapshot<P>): void {
    this.stack.push(s);
    if (this.stack.length > this.limit) this.stack.shift();
  }
  pop(): Snapshot<P> | undefined {
    return this.stack.pop();
  }
  get size(): number {
    return this.stack.length;
  }
  clear(): void {
    this.stack = [];
  }
}
