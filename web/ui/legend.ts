import { EDGE_TYPES, NODE_TYPES } from '../../graph/model/index.ts';
import { EDGE_STYLE, NODE_STYLE } from '../cy/styles.ts';
import { h } from './feedback.ts';
import { edgeTypeName, nodeTypeName, t } from './i18n.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function shapeIcon(shape: string, color: string): SVGElement {
  const s = svg('svg', { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true' });
  const fill = { fill: color };
  if (shape === 'ellipse') s.append(svg('circle', { cx: 8, cy: 8, r: 7, ...fill }));
  else if (shape === 'diamond') s.append(svg('polygon', { points: '8,1 15,8 8,15 1,8', ...fill }));
  else if (shape === 'triangle') s.append(svg('polygon', { points: '8,1 15,15 1,15', ...fill }));
  else if (shape === 'hexagon') s.append(svg('polygon', { points: '4,1 12,1 15,8 12,15 4,15 1,8', ...fill }));
  else s.append(svg('rect', { x: 1, y: 2, width: 14, height: 12, rx: shape === 'round-rectangle' ? 3 : 0, ...fill }));
  return s;
}

function lineIcon(color: string, line: string, width: number): SVGElement {
  const s = svg('svg', { width: 28, height: 10, viewBox: '0 0 28 10', 'aria-hidden': 'true' });
  const dash = line === 'dashed' ? '6 3' : line === 'dotted' ? '2 2' : '';
  s.append(svg('line', { x1: 1, y1: 5, x2: 27, y2: 5, stroke: color, 'stroke-width': width, ...(dash ? { 'stroke-dasharray': dash } : {}) }));
  return s;
}

/** Node colour/shape and edge style per type, both names shown. */
export function renderLegend(el: HTMLElement): void {
  const nodes = h('ul', {}, ...NODE_TYPES.map((type) => h('li', {}, shapeIcon(NODE_STYLE[type].shape, NODE_STYLE[type].color), nodeTypeName(type, true))));
  const edges = h('ul', {}, ...EDGE_TYPES.map((type) => {
    const s = EDGE_STYLE[type];
    return h('li', {}, lineIcon(s.color, s.line, s.width), edgeTypeName(type, true));
  }));
  el.replaceChildren(h('h2', {}, t('legend')), nodes, edges);
}
