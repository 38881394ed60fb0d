import type { ElementDefinition } from 'cytoscape';

/** A canvas snapshot: elements with positions, what each "N more" control still holds, and the view it belongs to. */
export interface Snapshot<P, M = unknown> {
  elements: ElementDefinition[];
  pending: P;
  expanded: string[];
  /** What the app needs to put its state back with the canvas (focus, source, selection). */
  meta?: M;
}

/**
 * Bounded undo and redo stacks of whole-canvas snapshots: simple, and exact for expand, hide and
 * collapse alike. A new edit drops the redo stack, as every editor does.
 */
export class History<P, M = unknown> {
  private stack: Snapshot<P, M>[] = [];
  private redoStack: Snapshot<P, M>[] = [];
  constructor(private readonly limit = 30) {}
  push(s: Snapshot<P, M>): void {
    this.stack.push(s);
    if (this.stack.length > this.limit) this.stack.shift();
    this.redoStack = [];
  }
  /** The snapshot to go back to; `current` is kept for redo. */
  undo(current: Snapshot<P, M>): Snapshot<P, M> | undefined {
    const s = this.stack.pop();
    if (s) this.redoStack.push(current);
    return s;
  }
  redo(current: Snapshot<P, M>): Snapshot<P, M> | undefined {
    const s = this.redoStack.pop();
    if (s) this.stack.push(current);
    return s;
  }
  /** Kept for callers that only step back (no redo). */
  pop(): Snapshot<P, M> | undefined {
    return this.stack.pop();
  }
  get size(): number {
    return this.stack.length;
  }
  get redoSize(): number {
    return this.redoStack.length;
  }
  clear(): void {
    this.stack = [];
    this.redoStack = [];
  }
}
