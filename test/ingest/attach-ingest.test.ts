import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { etlCommand } from '../../graph/cli/commands/etl.ts';
import { ingestCommand } from '../../graph/cli/commands/ingest.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import { FIX, S000 } from './helpers.ts';
import { storeFlags, storedGraph, useCliEnv } from './cli-env.ts';
import { documentOf, roles, rowIds } from './table-roles.ts';

const F = 'test/fixtures/formats';
let dir: string;
let before: GraphJson;
let out: string[];
let err: string[];
useCliEnv('kg-attach-', (e) => {
  dir = e.dir;
  before = e.before;
  out = e.out;
  err = e.err;
});
const flags = () => storeFlags(dir);
const graphNow = () => storedGraph(dir);
const entry = (file: string) => (JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as { documents: { file: string; attachedTo?: string }[] }).documents.find((d) => d.file === file);
const PLAN_ID = 'document:深府〔2009〕9号';

describe('kg ingest <document> --attach <file>', () => {
  it('the plan page with its table attached: the table keeps its own Document and evidence, linked to the plan, and the link survives a rebuild', async () => {
    expect(await ingestCommand.run([join(F, '000-plan.html'), '--attach', join(F, '000-division.xlsx'), '--force', ...flags()])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`updated   ${F}/000-plan.html → ${S000} (html, utf-8)`);
    expect(text).toContain(`new       ${F}/000-division.xlsx → 000-division.txt (xlsx, utf-8)`);
    let g = await graphNow();
    expect(documentOf(g, S000)!.id).toBe(PLAN_ID);
    expect(documentOf(g, S000)!.props['attachedTo']).toBeUndefined();
    const table = documentOf(g, '000-division.txt')!;
    // Titled from the sheet's title row, as a table without a header is.
    expect(table).toMatchObject({ name: '深圳国家创新型城市总体规划实施方案分工一览表', props: { attachedTo: PLAN_ID } });
    expect(entry('000-division.txt')?.attachedTo).toBe(PLAN_ID);
    // The plan's rows now come from the attachment only, the seed's 124 with the same units.
    expect(rowIds(g, S000).size).toBe(0);
    expect(rowIds(g, '000-division.txt')).toEqual(rowIds(before, S000));
    expect(roles(g, '000-division.txt', 'LEADS')).toEqual(roles(before, S000, 'LEADS'));
    expect(roles(g, '000-division.txt', 'COOPERATES')).toEqual(roles(before, S000, 'COOPERATES'));
    expect(g.edges.filter((e) => e.evidence.some((x) => x.doc === '000-division.txt')).length).toBeGreaterThan(500);

    // A full rebuild reads the texts again: the link is kept from the document index.
    out.length = 0;
    expect(await etlCommand.run(flags())).toBe(0);
    g = await graphNow();
    expect(documentOf(g, '000-division.txt')!.props['attachedTo']).toBe(PLAN_ID);

    // Ingested again on its own, it is unchanged and stays attached.
    out.length = 0;
    expect(await ingestCommand.run([join(F, '000-division.xlsx'), ...flags()])).toBe(0);
    expect(out.join('\n')).toContain(`unchanged ${F}/000-division.xlsx → 000-division.txt (xlsx, utf-8)`);
    expect(entry('000-division.txt')?.attachedTo).toBe(PLAN_ID);
  });

  it('an attachment loaded before gets the link when ingested again with --attach', async () => {
    expect(await ingestCommand.run([join(F, '000-division.docx'), ...flags()])).toBe(0);
    expect(documentOf(await graphNow(), '000-division.txt')!.props['attachedTo']).toBeUndefined();
    out.length = 0;
    expect(await ingestCommand.run([join(F, '004-page.html'), '--attach', join(F, '000-division.docx'), ...flags()])).toBe(0);
    expect(out.join('\n')).toContain(`updated   ${F}/000-division.docx → 000-division.txt (docx, utf-8)  nodes +0 −0, edges +0 −0`);
    const g = await graphNow();
    expect(documentOf(g, '000-division.txt')!.props['attachedTo']).toBe('document:深府〔2011〕194号');
  });

  it('an attachment whose document was refused loads unattached, with a warning', async () => {
    expect(await ingestCommand.run([join(FIX, 'binary.txt'), '--attach', join(F, '000-division.xlsx'), ...flags()])).toBe(1);
    const text = out.join('\n');
    expect(text).toContain(`refused   ${FIX}/binary.txt: binary file (NUL byte at offset 8)`);
    expect(text).toContain(`          warning: not attached: ${FIX}/binary.txt was not loaded`);
    expect(documentOf(await graphNow(), '000-division.txt')!.props['attachedTo']).toBeUndefined();
    expect(entry('000-division.txt')?.attachedTo).toBeUndefined();
  });

  it('--attach needs exactly one document to attach to', async () => {
    expect(await ingestCommand.run([join(F, '000-plan.html'), join(F, '004-page.html'), '--attach', join(F, '000-division.xlsx'), ...flags()])).toBe(2);
    expect(err[0]).toBe('kg ingest: --attach attaches to exactly one document; name it once');
    err.length = 0;
    expect(await ingestCommand.run([FIX, '--attach', join(F, '000-division.xlsx'), ...flags()])).toBe(2);
    expect(err.at(-1)).toMatch(/^kg ingest: --attach attaches to one document, and test\/fixtures\/ingest is a folder of \d+$/);
    // Nothing was ingested.
    expect(() => readFileSync(join(dir, 'documents.json'))).toThrow(/ENOENT/);
  });
});
