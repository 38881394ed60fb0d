import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { etlCommand } from '../../graph/cli/commands/etl.ts';
import { ingestCommand } from '../../graph/cli/commands/ingest.ts';
import { mergesCommand } from '../../graph/cli/commands/merges.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { FIX, S000, S004, fixtureAs, rebuild, seedSource } from './helpers.ts';

// A full reload (`kg etl` without files) must rebuild what is loaded — seeds, ingested
// documents and reviewed merges — not fall back to the bare seeds.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-reload-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
const flags = () => ['--store', 'memory', '--data', dir];
const exportOf = async () => {
  const store = await MemoryGraphStore.open(dir);
  try {
    return await store.exportGraph();
  } finally {
    await store.close();
  }
};

describe('kg etl after ingest', () => {
  it('keeps an ingested replacement of a seed', async () => {
    expect(await etlCommand.run(flags())).toBe(0);
    expect(await ingestCommand.run([join(FIX, '000-row-changed.txt'), ...flags()])).toBe(0);
    const afterIngest = await exportOf();
    expect(afterIngest).toEqual(rebuild(fixtureAs('000-row-changed.txt', S000), seedSource(S004)));

    expect(await etlCommand.run(flags())).toBe(0);
    expect(await exportOf()).toEqual(afterIngest);
  });

  it('keeps a confirmed merge', async () => {
    expect(await etlCommand.run(flags())).toBe(0);
    expect(await mergesCommand.run(['confirm', 'institution:深圳大学城', 'agency:大学城管委会', ...flags()])).toBe(0);
    const merged = await exportOf();
    expect(merged.nodes.some((n) => n.id === 'institution:深圳大学城')).toBe(false);

    expect(await etlCommand.run(flags())).toBe(0);
    expect(await exportOf()).toEqual(merged);
  });
});
