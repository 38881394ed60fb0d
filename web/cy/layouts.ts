import type { LayoutOptions } from 'cytoscape';

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
    fit: true, padding: 30, nodeRepulsion: () => 14000, idealEdgeLength: () => 120, nodeSeparation: 90, packComponents: true,
  } as LayoutOptions;
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
