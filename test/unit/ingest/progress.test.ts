import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress, formatSeconds } from '../../../graph/ingest/progress.ts';

function fakeOut(isTTY: boolean) {
  const writes: string[] = [];
  return { out: { isTTY, columns: 60, write: (s: string) => void writes.push(s) }, writes };
}

describe('progress', () => {
  it('formats files done / total, MB/s and ETA from bytes', () => {
    expect(formatProgress({ done: 1, total: 4, bytes: 2e6, totalBytes: 8e6, current: 'a.txt' }, 2000)).toBe(
      '[#####...............] 1/4 files  1.0 MB/s  ETA 6s  a.txt',
    );
    expect(formatSeconds(125)).toBe('2m05s');
  });

  it('stays silent during the first second', () => {
    let now = 0;
    const { out, writes } = fakeOut(true);
    const p = createProgress(out, { now: () => now });
    now = 900;
    p.update({ done: 1, total: 2, bytes: 1, totalBytes: 2, current: 'a' });
    p.finish();
    expect(writes).toEqual([]);
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    let now = 0;
    const { out, writes } = fakeOut(true);
    const p = createProgress(out, { now: () => now });
    now = 1500;
    p.update({ done: 1, total: 2, bytes: 1e6, totalBytes: 2e6, current: 'a' });
    p.finish();
    expect(writes[0]).toMatch(/^\r\[##########\.{10}\] 1\/2 files {2}0\.7 MB\/s {2}ETA 2s {2}a {2,}$/);
    expect(writes[0]).toHaveLength(60);
    expect(writes[1]).toBe(`\r${' '.repeat(59)}\r`);
  });

  it('prints plain lines, at most one a second, when not a terminal', () => {
    let now = 0;
    const { out, writes } = fakeOut(false);
    const p = createProgress(out, { now: () => now });
    for (const [t, done] of [[1100, 1], [1500, 2], [2200, 3], [2300, 4]] as const) {
      now = t;
      p.update({ done, total: 4, bytes: done, totalBytes: 4, current: `f${done}` });
    }
    expect(writes.map((w) => w.split('  ').at(-1))).toEqual(['f1\n', 'f3\n', 'f4\n']);
  });
});
