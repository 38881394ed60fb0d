import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvError, readServerEnv } from '../../server/env.ts';
import { createFolderSources, safeJoin } from '../../server/sources.ts';

describe('server environment', () => {
  it('defaults to 127.0.0.1:3000 and treats empty variables as unset', () => {
    expect(readServerEnv({ PORT: '' })).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', STORE_TIMEOUT_MS: 10_000, DATA_DIR: 'data' });
    expect(readServerEnv({}).CORS_ORIGIN).toBeUndefined();
  });

  it('parses numbers and names the bad variable', () => {
    expect(readServerEnv({ PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ PORT: 8080, HOST: '0.0.0.0' });
    expect(() => readServerEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => readServerEnv({ PORT: '70000' })).toThrow(/^PORT: /);
    expect(() => readServerEnv({ CORS_ORIGIN: 'not a url' })).toThrow(/^CORS_ORIGIN: /);
  });
});

describe('folder sources', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await mkdtemp(join(tmpdir(), 'pg-src-a-'));
    b = await mkdtemp(join(tmpdir(), 'pg-src-b-'));
    await writeFile(join(a, '001_x.txt'), '\uFEFFline one\r\nline two\r\n');
    await writeFile(join(b, '002_y.txt'), 'only');
    await writeFile(join(b, 'bad name.txt'), 'skipped');
  });
  afterAll(async () => {
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
  });

  it('lists valid file names across folders and reads lines without BOM or CR', async () => {
    const src = createFolderSources([a, b, join(a, 'missing')]);
    expect(await src.listFiles()).toEqual(['001_x.txt', '002_y.txt']);
    expect((await src.read('001_x.txt'))?.lines).toEqual(['line one', 'line two']);
    expect((await src.read('002_y.txt'))?.lines).toEqual(['only']);
    expect(await src.read('003_z.txt')).toBeUndefined();
  });

  it('never resolves outside its folder', () => {
    expect(safeJoin(a, '../etc/passwd')).toBeUndefined();
    expect(safeJoin(a, '/etc/passwd')).toBeUndefined();
    expect(safeJoin(a, '..')).toBeUndefined();
    expect(safeJoin(a, '001_x.txt')).toBe(join(a, '001_x.txt'));
  });
});

describe('upload switch', () => {
  it('is off unless ALLOW_UPLOADS is 1 or true', () => {
    expect(readServerEnv({}).ALLOW_UPLOADS).toBe(false);
    expect(readServerEnv({ ALLOW_UPLOADS: '' }).ALLOW_UPLOADS).toBe(false);
    expect(readServerEnv({ ALLOW_UPLOADS: '1' }).ALLOW_UPLOADS).toBe(true);
    expect(readServerEnv({ ALLOW_UPLOADS: 'true' }).ALLOW_UPLOADS).toBe(true);
    expect(() => readServerEnv({ ALLOW_UPLOADS: 'yes please' })).toThrow(/^ALLOW_UPLOADS: /);
  });
});
