import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../graph/model/index.ts';
import { S000, S004, useSeededEnv, type Env } from './helpers.ts';

// Made by scripts/make-format-fixtures.ts with the same libraries ingest reads them with.
const F = 'test/fixtures/formats';

let env: Env;
let before: GraphJson;
useSeededEnv((e, b) => {
  env = e;
  before = b;
});

const hasDoc = (x: { evidence: { doc: string }[] }, doc: string) => x.evidence.some((e) => e.doc === doc);
const rowIds = (g: GraphJson, doc: string) => new Set(g.nodes.filter((n) => n.type === 'Task' && n.props['kind'] === 'tableRow' && hasDoc(n, doc)).map((n) => n.id));
/** Each table row's leads and cooperators, by the row node (rows are named by title, so shared). */
const roles = (g: GraphJson, doc: string, type: string) => {
  const rows = rowIds(g, doc);
  return g.edges.filter((e) => e.type === type && rows.has(e.target) && hasDoc(e, doc)).map((e) => `${e.source}->${e.target}`).sort();
};

describe('ingest of Word, Excel and PDF documents', () => {
  it.each([
    ['000-division.xlsx', 'xlsx'],
    ['000-division.docx', 'docx'],
  ])('the 分工一览表 as %s gives the seed’s 124 rows with the same LEADS and COOPERATES', async (name, format) => {
    const s = await env.ingest([join(F, name)]);
    const f = s.files[0]!;
    expect(f).toMatchObject({ status: 'new', format });
    expect(f.report).toMatchObject({ tableRows: 124 });
    const after = await env.store.exportGraph();
    expect(rowIds(after, f.file!)).toEqual(rowIds(before, S000));
    expect(roles(after, f.file!, 'LEADS')).toEqual(roles(before, S000, 'LEADS'));
    expect(roles(after, f.file!, 'COOPERATES')).toEqual(roles(before, S000, 'COOPERATES'));
    // Evidence points at the exact words of the stored text, and at the sheet/row or table cell.
    const text = readFileSync(join(env.dir, 'sources', f.file!), 'utf8').split('\n');
    const mine = after.edges.flatMap((e) => e.evidence).filter((e) => e.doc === f.file);
    expect(mine.length).toBeGreaterThan(500);
    for (const e of mine) expect(text[e.line - 1]).toContain(e.quote);
  });

  it('the PDF printed from seed 004 gives the same ten domains and 48 areas', async () => {
    const s = await env.ingest([join(F, '004-printed.pdf')]);
    const f = s.files[0]!;
    expect(f).toMatchObject({ status: 'new', format: 'pdf' });
    const after = await env.store.exportGraph();
    const areas = (g: GraphJson, doc: string) => g.edges.filter((e) => e.type === 'SUBFIELD_OF' && hasDoc(e, doc)).map((e) => e.id).sort();
    expect(areas(after, f.file!)).toHaveLength(48);
    expect(areas(after, f.file!)).toEqual(areas(before, S004));
    expect(f.report!.technologyLinks).toBeGreaterThan(0);
    const pages = after.edges.flatMap((e) => e.evidence).filter((e) => e.doc === f.file).map((e) => (e as { page?: number }).page);
    expect(pages.every((p) => typeof p === 'number' && p >= 1)).toBe(true);
  });

  it('refuses the scanned, corrupt, encrypted and zip-bomb files with one line each, loads the rest, loses nothing', async () => {
    const names = ['004-scanned.pdf', 'corrupt.docx', 'corrupt.pdf', 'corrupt.xlsx', 'encrypted.pdf', 'encrypted.xlsx', 'zip-bomb.xlsx', '000-division.xlsx'];
    const s = await env.ingest(names.map((n) => join(F, n)));
    expect(s.files.map((f) => [f.status, f.message])).toEqual([
      ['refused', 'refused .pdf: no text layer on any of its 1 page(s) — a scanned image; OCR is not supported'],
      ['refused', 'corrupt .docx: not a readable zip (invalid zip data)'],
      ['refused', 'corrupt .pdf: Invalid PDF structure.'],
      ['refused', 'corrupt .xlsx: not a readable zip (invalid zip data)'],
      ['refused', 'refused .pdf: password-protected (encrypted) PDF; save it without a password'],
      ['refused', 'refused .xlsx: password-protected (encrypted) Office document; save it without a password'],
      ['refused', 'refused .xlsx: unpacks to 1024 MB (cap 256 MB), a zip bomb'],
      ['new', undefined],
    ]);
    const after = await env.store.exportGraph();
    for (const n of before.nodes) expect(after.nodes.find((m) => m.id === n.id)).toBeDefined();
    expect(after.edges.length).toBeGreaterThan(before.edges.length);
  });
});
