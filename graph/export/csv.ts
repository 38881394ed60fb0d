import { strToU8, zipSync } from 'fflate';
import { sortGraphJson, type GraphJson } from '../model/index.ts';

// A BOM makes Excel read the file as UTF-8, so Chinese names display instead of mojibake.
const BOM = '\uFEFF';

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. A cell a
 * spreadsheet would run as a formula (= + - @, or a leading tab or CR, OWASP's list) gets a
 * leading apostrophe, so a document's text can never become a formula on the reader's machine.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvTable(header: readonly string[], rows: readonly string[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface CsvFiles {
  'nodes.csv': string;
  'edges.csv': string;
}

/** nodes.csv and edges.csv; aliases joined by "|", props and evidence as JSON. */
export function toCsvFiles(graph: GraphJson): CsvFiles {
  const g = sortGraphJson(graph);
  const nodes = g.nodes.map((n) => [n.id, n.type, n.name, n.aliases.join('|'), JSON.stringify(n.props), JSON.stringify(n.evidence)]);
  const edges = g.edges.map((e) => [e.id, e.type, e.source, e.target, JSON.stringify(e.props), JSON.stringify(e.evidence)]);
  return {
    'nodes.csv': csvTable(['id', 'type', 'name', 'aliases', 'props', 'evidence'], nodes),
    'edges.csv': csvTable(['id', 'type', 'source', 'target', 'props', 'evidence'], edges),
  };
}

/** Both CSV files in one zip archive. */
export function toCsvZip(graph: GraphJson): Uint8Array {
  const files = toCsvFiles(graph);
  // A fixed mtime keeps the archive byte-identical across runs.
  const mtime = new Date('2000-01-01T00:00:00Z');
  return zipSync(
    { 'nodes.csv': strToU8(files['nodes.csv']), 'edges.csv': strToU8(files['edges.csv']) },
    { level: 6, mtime },
  );
}
