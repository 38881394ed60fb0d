/** How an element looked on screen when it was exported: position, size and colour. */
export interface NodeViz {
  x: number;
  y: number;
  size: number;
  /** #rrggbb */
  color: string;
}
export interface EdgeViz {
  color: string;
  width: number;
}
/** Styling per element id; elements without an entry are written without viz data. */
export interface ExportViz {
  nodes: ReadonlyMap<string, NodeViz>;
  edges: ReadonlyMap<string, EdgeViz>;
}

/** #rrggbb → r, g, b (0–255). */
export function rgbOf(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** Two decimals are enough for a picture and keep files short and stable. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
