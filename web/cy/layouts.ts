import type { EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';

export const LAYOUTS = ['fcose', 'dagre'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Options per layout; `fit` is on so whatever was laid out is in view afterwards. */
export function layoutOptions(name: LayoutName, opts: { animate?: boolean; randomize?: boolean } = {}): LayoutOptions {
  if (name === 'dagre') {
    // Task trees read top-down: agency → task → technology.
    return { name: 'dagre', rankDir: 'TB', nodeSep: 25, rankSep: 70, fit: true, padding: 30, animate: opts.animate ?? false } as LayoutOptions;
  }
  return {
    name: 'fcose', quality: 'default', randomize: opts.randomize ?? true, animate: opts.animate ?? false,
    fit: true, padding: 30, nodeRepulsion: repulsion, idealEdgeLength: edgeLength, nodeSeparation: 90, packComponents: true,
  } as LayoutOptions;
}

/** A cluster pushes as hard as its area, so big clusters do not sit on top of each other. */
function repulsion(n: NodeSingular): number {
  return n.hasClass('cluster') ? 14000 * (Number(n.data('size')) / 40) ** 2 : 14000;
}

/** An edge at a cluster is long enough to clear the cluster's radius. */
function edgeLength(e: EdgeSingular): number {
  const r = (n: NodeSingular) => (n.hasClass('cluster') ? Number(n.data('size')) / 2 : 0);
  return 120 + r(e.source()) + r(e.target());
}

/**
 * Settle freshly added nodes among the old ones: fcose with the old nodes fixed where they are,
 * so an expansion never moves what the analyst has already looked at.
 */
export function settleOptions(fixed: readonly { nodeId: string; position: { x: number; y: number } }[]): LayoutOptions {
  return {
    name: 'fcose', quality: 'default', randomize: false, animate: true, animationDuration: 250, fit: false,
    nodeRepulsion: () => 14000, idealEdgeLength: () => 120, nodeSeparation: 90, fixedNodeConstraint: fixed,
  } as LayoutOptions;
}

/** Small fast PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Run a synchronous layout with Math.random seeded, so the same graph gets the same picture on
 * every load and a shared link reproduces the view (fcose draws its start positions at random).
 */
export function runSeeded<T>(fn: () => T, seed = 20090219): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
