import type { Core } from 'cytoscape';

/** Below this zoom on a view with many edges, edges are drawn as plain straight lines. */
export const LOD_ZOOM = 0.5;
/** Small views keep their arrows at every zoom: they are cheap, and their arrows are what they say. */
export const LOD_MIN_EDGES = 500;

/**
 * Level of detail for edges: arrows, dashes and bezier curves cost the most per edge and cannot be
 * seen when zoomed out on a big view. Labels have their own rule (min-zoomed-font-size in styles.ts).
 * Switched only when the zoom crosses the line or edges are added, once per frame.
 */
export function bindLevelOfDetail(cy: Core): () => void {
  let frame = 0;
  let current = false;
  let added = false;
  const apply = () => {
    frame = 0;
    const wanted = cy.zoom() < LOD_ZOOM;
    // Zooming within one side of the line costs nothing.
    if (wanted === current && !added) return;
    added = false;
    const edges = cy.edges().not('.cluster-edge');
    current = wanted;
    const on = wanted && edges.length >= LOD_MIN_EDGES;
    const change = on ? edges.not('.lod') : cy.edges('.lod');
    if (change.nonempty()) cy.batch(() => { change.toggleClass('lod', on); });
  };
  const schedule = () => { if (!frame) frame = requestAnimationFrame(apply); };
  cy.on('zoom', schedule);
  cy.on('add', 'edge', () => { added = true; schedule(); });
  return () => { added = true; apply(); };
}
