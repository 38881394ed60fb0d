import type { StylesheetJson } from 'cytoscape';
import type { EdgeType, NodeType } from '../../graph/model/index.ts';

type Shape = 'round-rectangle' | 'ellipse' | 'diamond' | 'hexagon' | 'triangle' | 'rectangle' | 'barrel';

/** Colour-blind-safe palette (Okabe–Ito); text on the canvas is dark on light, so contrast holds. */
export const NODE_STYLE: Record<NodeType, { color: string; shape: Shape }> = {
  Agency: { color: '#0072B2', shape: 'round-rectangle' },
  Task: { color: '#E69F00', shape: 'ellipse' },
  Institution: { color: '#009E73', shape: 'hexagon' },
  Enterprise: { color: '#CC79A7', shape: 'diamond' },
  Technology: { color: '#D55E00', shape: 'triangle' },
  Document: { color: '#555555', shape: 'rectangle' },
};

export const EDGE_STYLE: Record<EdgeType, { color: string; line: 'solid' | 'dashed' | 'dotted'; width: number; arrow: 'triangle' | 'vee' | 'tee' | 'diamond' | 'none' }> = {
  LEADS: { color: '#0072B2', line: 'solid', width: 3, arrow: 'triangle' },
  COOPERATES: { color: '#56B4E9', line: 'dashed', width: 2, arrow: 'triangle' },
  RESPONSIBLE: { color: '#E69F00', line: 'solid', width: 2, arrow: 'triangle' },
  DEPENDS_ON: { color: '#009E73', line: 'dotted', width: 2.5, arrow: 'diamond' },
  TARGETS: { color: '#D55E00', line: 'solid', width: 1.5, arrow: 'vee' },
  PART_OF: { color: '#999999', line: 'solid', width: 1, arrow: 'tee' },
  SUBFIELD_OF: { color: '#B35806', line: 'dotted', width: 1.5, arrow: 'tee' },
  MENTIONS: { color: '#BBBBBB', line: 'dotted', width: 1, arrow: 'none' },
  CITES: { color: '#8E6C8A', line: 'dashed', width: 1, arrow: 'vee' },
};

export function buildStylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11,
        'font-family': '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif',
        'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3, 'text-wrap': 'wrap',
        color: '#1a1a1a', 'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': '1px',
        'border-width': 1, 'border-color': '#ffffff',
        // Labels too small to read are skipped: less clutter in overviews, and faster drawing.
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, width: 1.5, opacity: 0.85 } },
  ];
  for (const [type, s] of Object.entries(NODE_STYLE)) {
    sheet.push({ selector: `node.${type}`, style: { 'background-color': s.color, shape: s.shape } });
  }
  for (const [type, s] of Object.entries(EDGE_STYLE)) {
    sheet.push({ selector: `edge.${type}`, style: { 'line-color': s.color, 'target-arrow-color': s.color, 'line-style': s.line, width: s.width, 'target-arrow-shape': s.arrow } });
  }
  sheet.push(
    { selector: 'node.more', style: { shape: 'round-rectangle', 'background-color': '#ffffff', 'border-color': '#444', 'border-width': 1.5, 'border-style': 'dashed', width: 64, height: 22, label: 'data(label)', 'text-valign': 'center', 'text-margin-y': 0, 'font-size': 11, color: '#222' } },
    { selector: 'edge.more', style: { 'line-style': 'dotted', 'line-color': '#888', 'target-arrow-shape': 'none', width: 1 } },
    { selector: 'node.cluster', style: { shape: 'ellipse', 'background-color': 'data(color)', 'background-opacity': 0.35, 'border-color': 'data(color)', 'border-width': 3, 'border-style': 'double', width: 'data(size)', height: 'data(size)', 'text-valign': 'center', 'text-margin-y': 0, 'font-size': 13, 'font-weight': 'bold', 'text-max-width': '140px', 'min-zoomed-font-size': 4 } },
    // Haystack lines are the cheapest Cytoscape draws; a cluster edge's width says how many edges it stands for.
    { selector: 'edge.cluster-edge', style: { 'curve-style': 'haystack', 'line-color': '#888888', 'target-arrow-shape': 'none', opacity: 0.5, width: 'mapData(weight, 1, 200, 1, 12)' } },
    // Zoomed out on a large view: straight lines without arrows or dashes (see cy/level-of-detail.ts).
    { selector: 'edge.lod', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', 'line-style': 'solid' } },
    { selector: '.clustered', style: { display: 'none' } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#111', 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000000', 'overlay-opacity': 0.08 } },
    { selector: 'edge:selected', style: { width: 5, 'line-color': '#000000', 'target-arrow-color': '#000000' } },
    // Node and edge rules apart: `width` means the node's size on a node and the line's thickness on an edge.
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#AA0000', 'z-index': 10 } },
    { selector: 'edge.path', style: { 'line-color': '#AA0000', 'target-arrow-color': '#AA0000', width: 4, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#F0E442' } },
  );
  return sheet;
}

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `bg` (type badges on their type colour). */
export function textColorOn(bg: string): '#000000' | '#ffffff' {
  return contrastRatio(bg, '#000000') >= contrastRatio(bg, '#ffffff') ? '#000000' : '#ffffff';
}
