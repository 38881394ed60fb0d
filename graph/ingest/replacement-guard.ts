import type { GraphJson } from '../model/index.ts';

/** What a document gives: table rows, edges and the length of its text. */
export interface DocumentSize {
  rows: number;
  edges: number;
  chars: number;
}

/** A replacement held back, with what it would take away. */
export interface HeldReplacement {
  before: DocumentSize;
  after: DocumentSize;
  reason: string;
}

/** More than this share of rows or edges gone holds a replacement back. */
const MAX_LOSS = 0.5;
/** A new text shorter than this share of the old reads as cut off. */
const MIN_TEXT = 0.7;

export function textChars(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) n += l.replace(/\s+/gu, '').length;
  return n;
}

/** Rows (table-row tasks) and edges with evidence from `doc` in `graph`. */
export function sizeIn(graph: GraphJson, doc: string, chars: number): DocumentSize {
  let rows = 0;
  let edges = 0;
  for (const n of graph.nodes) if (n.type === 'Task' && n.props['kind'] === 'tableRow' && n.evidence.some((e) => e.doc === doc)) rows++;
  for (const e of graph.edges) if (e.evidence.some((x) => x.doc === doc)) edges++;
  return { rows, edges, chars };
}

/**
 * A new version that would remove most of a document's facts, or reads with far less text than
 * the loaded one (a download cut short), is not applied without being forced.
 */
export function checkReplacement(before: DocumentSize, after: DocumentSize): HeldReplacement | null {
  const reasons: string[] = [];
  if (before.rows > 0 && after.rows < before.rows * (1 - MAX_LOSS)) reasons.push(`table rows ${before.rows} → ${after.rows}`);
  if (before.edges > 0 && after.edges < before.edges * (1 - MAX_LOSS)) reasons.push(`edges ${before.edges} → ${after.edges}`);
  if (before.chars > 0 && after.chars < before.chars * MIN_TEXT) reasons.push(`text ${before.chars} → ${after.chars} characters`);
  return reasons.length > 0 ? { before, after, reason: reasons.join(', ') } : null;
}
