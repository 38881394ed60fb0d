import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../graph/cli/commands/check.ts';
import { documentsCommand } from '../../graph/cli/commands/documents.ts';
import { ingestCommand } from '../../graph/cli/commands/ingest.ts';
import { mergesCommand } from '../../graph/cli/commands/merges.ts';
import { removeCommand } from '../../graph/cli/commands/remove.ts';
import { FIX, S000 } from './helpers.ts';
import { storeFlags, useCliEnv } from './cli-env.ts';

let dir: string;
let out: string[];
let err: string[];
useCliEnv('kg-cli-', (e) => {
  dir = e.dir;
  out = e.out;
  err = e.err;
});
const flags = () => storeFlags(dir);

describe('kg ingest / documents / remove / merges', () => {
  it('ingests a folder, reports each file and the totals, exits 1 because two files were refused', async () => {
    expect(await ingestCommand.run([FIX, ...flags()])).toBe(1);
    const text = out.join('\n');
    // The page writes its table in TAB rows: a new version of 000 (same URL), not a copy of it.
    expect(text).toContain(`updated   test/fixtures/ingest/000-page.html → ${S000} (html, utf-8)`);
    expect(text).toContain('refused   test/fixtures/ingest/binary.txt: binary file (NUL byte at offset 8)');
    expect(text).toContain('documents: 0 new, 2 updated, 1 unchanged, 2 refused, 0 failed, 1 held back');
    expect(text).toMatch(/held {6}test\/fixtures\/ingest\/000-truncated\.txt: held back: .*table rows 124 → 52.*--force/);
  });

  it('documents and check show each loaded document’s reading report; check with no files reads the whole library', async () => {
    const odd = join(dir, 'odd-plan.txt');
    writeFileSync(odd, ['某市工作分工', '一、重点任务', '1.建设平台，市科技局为主负责，市财政局予以支持。'].join('\n'));
    expect(await ingestCommand.run([odd, ...flags()])).toBe(0);
    out.length = 0;
    expect(await documentsCommand.run(flags())).toBe(0);
    const docs = out.join('\n');
    expect(docs).toContain('    read: 深圳市; 145 section(s), 124 table row(s), clauses seed 40; 872 responsibility edge(s)');
    expect(docs).toContain('  !! line 3 no-responsibility: mentions 牵头 / 配合 / 责任单位 / 分工 on line 3 but no responsibility (LEADS / COOPERATES) was read');
    expect(out.at(-1)).toBe('!! 1 document(s) read badly (no responsibility read or a table without rows): odd-plan.txt');
    out.length = 0;
    expect(await checkCommand.run(['--data', dir])).toBe(0);
    expect(out[0]).toBe('documents checked: 3; read badly: 1');
    expect(out[1]).toMatch(/^odd-plan\.txt\n {10}read: /);
  });

  it('applies a held-back replacement with --force', async () => {
    expect(await ingestCommand.run([join(FIX, '000-truncated.txt'), '--force', ...flags()])).toBe(0);
    expect(out.join('\n')).toContain('documents: 0 new, 1 updated, 0 unchanged, 0 refused, 0 failed');
  });

  it('says what is missing and exits 2 without arguments', async () => {
    expect(await ingestCommand.run(flags())).toBe(2);
    expect(await ingestCommand.run(['no/such/file.txt', ...flags()])).toBe(1);
    expect(err).toContain('refused   no/such/file.txt: no such file or folder');
  });

  it('lists documents with live counts, removes one by 文号', async () => {
    expect(await documentsCommand.run(flags())).toBe(0);
    expect(out.at(-1)).toBe('2 document(s)');
    expect(out[0]).toMatch(/^000_2ebb2acb91732bad\.txt {2}2009-02-19 {2}深府〔2009〕9号 {2}\d+ nodes, \d+ edges {2}\(seed\)$/);
    out.length = 0;
    expect(await removeCommand.run(['深府〔2011〕194号', ...flags()])).toBe(0);
    expect(out[0]).toMatch(/^removed 004_6d8794a7fddf0732\.txt: nodes −\d+, edges −\d+$/);
    out.length = 0;
    await documentsCommand.run(flags());
    expect(out.at(-1)).toBe('1 document(s)');
    expect(await removeCommand.run(['nothing', ...flags()])).toBe(1);
  });

  it('merges: confirm and reject write rules; bad usage exits 2', async () => {
    expect(await mergesCommand.run(['confirm', 'institution:深圳大学城', 'agency:大学城管委会', ...flags()])).toBe(0);
    expect(out[0]).toMatch(/^merged institution:深圳大学城 into agency:大学城管委会 \(\d+ document\(s\) re-read\)$/);
    expect(await mergesCommand.run(['reject', 'a', 'b', ...flags()])).toBe(0);
    expect(await mergesCommand.run(['confirm', 'only-one', ...flags()])).toBe(2);
    out.length = 0;
    expect(await mergesCommand.run(flags())).toBe(0);
    expect(out).toEqual(['no merge candidates']);
  });
});
