import { edgeId, type Evidence, type GraphEdge, type GraphNode, type TimeInterval } from '../model/index.ts';
import { parseHeaderFields } from './document-header.ts';
import { ETL_VERSION } from './etl-version.ts';
import type { DocumentStructure } from './parse-document.ts';
import type { TableRow } from './division-table.ts';
import type { SectionRecord } from './sections.ts';
import { parseDeadlineText, parseTimeExpressions, type TimeContext } from './time-expressions.ts';
import type { GraphFragment } from './types.ts';

/** Document node, section and table-row Task nodes, and PART_OF between them. */
export function buildStructureFragment(s: DocumentStructure): GraphFragment {
  const { source, documentId } = s.parsed;
  const doc = source.file;
  const nodes: GraphNode[] = [documentNode(s)];
  const edges: GraphEdge[] = [];
  const partOf = (child: string, parent: string, evidence: Evidence[], props: GraphEdge['props'] = {}) =>
    edges.push({ id: edgeId('PART_OF', child, parent), type: 'PART_OF', source: child, target: parent, props, evidence });
  const idByPath = new Map(s.sections.map((x) => [x.rec.path, x.id]));

  for (const { rec, id } of s.sections) {
    const evidence: Evidence[] = [{ doc, line: rec.titleLine, quote: rec.quote }];
    const props: GraphNode['props'] = { doc, kind: 'section', path: rec.path, depth: rec.depth, deadlines: sectionDeadlines(rec, s.time) };
    if (rec.goals) props.goals = rec.goals.text;
    if (rec.work) props.work = rec.work.text;
    if (rec.inline) props.item = true;
    nodes.push({ id, type: 'Task', name: rec.title, aliases: [], props, evidence });
    partOf(id, rec.parentPath === null ? documentId : (idByPath.get(rec.parentPath) ?? documentId), evidence);
  }
  for (const r of s.table?.rows ?? []) {
    const id = s.rowIds.get(r.no);
    if (!id) continue;
    const evidence: Evidence[] = [{ doc, line: r.titleLine, quote: r.quote }];
    // A row may be named by several documents (task-identity.ts): the node holds what its title
    // says, and where each document places it (number, group) is on that document's PART_OF edge.
    const props: GraphNode['props'] = { kind: 'tableRow', deadlines: rowDeadlines(r, s.time) };
    nodes.push({ id, type: 'Task', name: r.title, aliases: [], props, evidence });
    partOf(id, documentId, evidence, { doc, tableNo: r.no, group: r.group, groupNo: r.groupNo });
  }
  return { nodes, edges, warnings: [] };
}

/** A row's deadlines: its title's, then its deadline column's (完成时限 …). */
function rowDeadlines(r: TableRow, ctx: TimeContext): TimeInterval[] {
  const out = parseTimeExpressions(r.title, ctx);
  if (r.deadline.length === 0) return out;
  const keys = new Set(out.map((d) => `${d.text}|${d.label}`));
  for (const c of r.deadline) {
    for (const d of parseDeadlineText(c.text, ctx)) {
      const key = `${d.text}|${d.label}`;
      if (!keys.has(key)) {
        keys.add(key);
        out.push(d);
      }
    }
  }
  return out;
}

// The date under the signature (\u3000\u30002024年3月15日) is when the document was signed, not a deadline of its last section.
const SIGNED_DATE = /^[\s\u3000]*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[\s\u3000]*$/u;

function sectionDeadlines(rec: SectionRecord, ctx: TimeContext): TimeInterval[] {
  const out: TimeInterval[] = [];
  // A module function, not a closure per section: the TypeScript loader names every such closure.
  let keys = readDeadlines(rec.title, ctx, out, null);
  for (const t of rec.texts) if (!SIGNED_DATE.test(t.text)) keys = readDeadlines(t.text, ctx, out, keys);
  if (rec.goals) keys = readDeadlines(rec.goals.text, ctx, out, keys);
  if (rec.work && !rec.inline) readDeadlines(rec.work.text, ctx, out, keys); // a parent's deadlines include its items'
  return out;
}

/** Adds the deadlines of `text` not yet in `out`; the key set is made only once there is one (most sections name none). */
function readDeadlines(text: string, ctx: TimeContext, out: TimeInterval[], seen: Set<string> | null): Set<string> | null {
  for (const d of parseTimeExpressions(text, ctx)) {
    const key = `${d.text}|${d.label}`;
    seen ??= new Set();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return seen;
}

function documentNode(s: DocumentStructure): GraphNode {
  const { source, documentId } = s.parsed;
  const h = source.header;
  const fields = parseHeaderFields(source.lines);
  const evidence: Evidence[] = fields.map((f) => ({ doc: source.file, line: f.line, quote: f.value }));
  const props: GraphNode['props'] = { file: source.file, etlVersion: ETL_VERSION };
  for (const [k, v] of Object.entries(h)) if (v) props[k] = v;
  const name = h.title ?? s.docKey;
  const aliases = [h.number, s.docKey].filter((a): a is string => Boolean(a) && a !== name);
  if (evidence.length === 0) {
    // No header: the first line with text stands for the document.
    const i = source.lines.findIndex((l) => l.trim());
    if (i >= 0) evidence.push({ doc: source.file, line: i + 1, quote: (source.lines[i] ?? '').trim().slice(0, 60) });
  }
  return { id: documentId, type: 'Document', name, aliases, props, evidence };
}
