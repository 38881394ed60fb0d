import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import { entryFor, SourceLibrary } from '../../../graph/ingest/library.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kg-lib-'));
  dirs.push(d);
  return d;
};

describe('SourceLibrary', () => {
  it('lists the seeds as documents with their header fields', async () => {
    const lib = await SourceLibrary.open(tmp());
    expect(lib.entries().map((d) => [d.file, d.number, d.date, d.origin])).toEqual([
      ['000_2ebb2acb91732bad.txt', '深府〔2009〕9号', '2009-02-19', 'seed'],
      ['004_6d8794a7fddf0732.txt', '深府〔2011〕194号', '2012-01-06', 'seed'],
    ]);
    expect(lib.entries()[0]!.key).toBe('url:www.sz.gov.cn/zfgb/2009/gb638/200902/t20090219_818790.htm');
  });

  it('saves text and index atomically, reads them back in a new instance, and keeps file names API-safe', async () => {
    const dir = tmp();
    const lib = await SourceLibrary.open(dir);
    const name = lib.fileNameFor('/x/My Plan (2010).html', 'abcdef0123');
    expect(name).toBe('My_Plan_2010_.txt');
    expect(lib.fileNameFor('seeds/000_2ebb2acb91732bad.txt', 'abcdef0123')).toBe('000_2ebb2acb91732bad_abcdef01.txt');
    const src = readSourceText(name, '文   号: 深府〔2010〕3号\n\n正文一行\n');
    await lib.save(src, entryFor(src, 'ingested', { nodes: 1, edges: 0 }));
    expect(readdirSync(join(dir, 'sources'))).toEqual([name]); // no temp files left behind
    expect(readFileSync(join(dir, 'sources', name), 'utf8')).toBe('文   号: 深府〔2010〕3号\n\n正文一行\n');
    const again = await SourceLibrary.open(dir);
    expect(again.find({ number: '深府（2010）3号' }, 'nope')?.file).toBe(name);
    expect((await again.readSource(name)).lines).toEqual(src.lines);
    expect(await again.read('missing.txt')).toBeUndefined();
    expect(await again.remove(name)).toBe(true);
    expect(readdirSync(join(dir, 'sources'))).toEqual([]);
    expect(again.entries().map((d) => d.file)).toEqual(['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt']);
    // A removed seed leaves the list, and its name is free for the seed's next ingest.
    await again.remove('004_6d8794a7fddf0732.txt');
    expect(again.entries().map((d) => d.file)).toEqual(['000_2ebb2acb91732bad.txt']);
    expect(again.fileNameFor('seeds/004_6d8794a7fddf0732.txt', 'abcdef0123')).toBe('004_6d8794a7fddf0732.txt');
    expect((await SourceLibrary.open(dir)).entries().map((d) => d.file)).toEqual(['000_2ebb2acb91732bad.txt']);
  });
});

describe('SourceLibrary shared by two processes', () => {
  it('a reader sees documents another instance saved (the server next to the CLI)', async () => {
    const dir = tmp();
    const server = await SourceLibrary.open(dir);
    const cli = await SourceLibrary.open(dir);
    const src = readSourceText('late.txt', '文   号: 深府〔2010〕9号\n正文\n');
    await cli.save(src, entryFor(src, 'ingested', { nodes: 0, edges: 0 }));
    expect(await server.listFiles()).toEqual(['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt', 'late.txt']);
    expect((await server.read('late.txt'))?.lines).toEqual(['文   号: 深府〔2010〕9号', '正文']);
  });
});
