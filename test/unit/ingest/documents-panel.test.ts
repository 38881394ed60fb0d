import { describe, expect, it } from 'vitest';
import { describeUpload, documentRows, splitBySize } from '../../../web/ui/documents-panel.ts';

describe('documents panel helpers', () => {
  it('words an upload summary per file, with the change when the graph changed', () => {
    expect(
      describeUpload({
        files: [
          { input: 'a.html', status: 'updated', file: '000.txt', warnings: ['w1'] },
          { input: 'b.txt', status: 'refused', message: 'binary file (NUL byte at offset 8)', warnings: [] },
        ],
        nodesAdded: 0, nodesRemoved: 2, edgesAdded: 1, edgesRemoved: 3,
      }),
    ).toEqual(['a.html: updated as 000.txt, 1 warning(s)', 'b.txt: refused — binary file (NUL byte at offset 8)', 'nodes +0 −2, edges +1 −3']);
    expect(describeUpload({ files: [{ input: 'c.txt', status: 'unchanged', file: 'c.txt', warnings: [] }], nodesAdded: 0, nodesRemoved: 0, edgesAdded: 0, edgesRemoved: 0 })).toEqual([
      'c.txt: unchanged as c.txt',
    ]);
  });

  it('prefers the listing with counts and falls back to the plain one', () => {
    const loaded = { documents: [{ file: 'a.txt', title: 'T', number: 'N', origin: 'seed', inStore: { nodes: 3, edges: 4 } }] };
    expect(documentRows(loaded, null)).toEqual([{ file: 'a.txt', title: 'T', number: 'N', date: '', counts: '3 / 4' }]);
    const shared = { documents: [{ ...loaded.documents[0]!, inStore: { nodes: 3, edges: 4, sharedTasks: 2 } }] };
    expect(documentRows(shared, null)[0]?.counts).toBe('3 / 4 · 2 项任务亦见于其他文件');
    const plain = { documents: [{ id: 'document:x', file: 'b.txt', title: null, number: null, date: '2009-01-01', url: null, publisher: null }], truncated: false, limit: 10 };
    expect(documentRows(null, plain)).toEqual([{ file: 'b.txt', title: '', number: '', date: '2009-01-01', counts: '' }]);
  });

  it('shows what was read under each document, and marks one read as nothing with its lines', () => {
    const report = {
      doc: 'odd.txt', jurisdiction: '深圳市', sections: 2, tableRows: 0, clauses: { seed: 0, bracketed: 0, unsplit: 0, prose: 0 },
      units: { known: 0, new: 0, untyped: 0, newNames: [], untypedNames: [] }, responsibilityEdges: 0,
      deadlines: { normalised: 0, notNormalised: 0, notNormalisedLines: [] }, technologyLinks: 0,
      warnings: [
        { doc: 'odd.txt', line: 3, kind: 'no-responsibility' as const, message: 'mentions 牵头 / 配合 / 责任单位 / 分工 on line 3 but no responsibility (LEADS / COOPERATES) was read' },
        { doc: 'odd.txt', line: 4, kind: 'new-unit' as const, message: '1 unit(s) not in the glossary' },
      ],
    };
    const loaded = { documents: [{ file: 'odd.txt', origin: 'ingested', inStore: { nodes: 3, edges: 2 }, report }] };
    expect(documentRows(loaded, null)[0]).toMatchObject({
      reading: '读取：深圳市，2 节，0 表行，0 条责任关系',
      loud: ['!! line 3: mentions 牵头 / 配合 / 责任单位 / 分工 on line 3 but no responsibility (LEADS / COOPERATES) was read'],
    });
    const upload = describeUpload({ files: [{ input: 'odd.txt', status: 'new', file: 'odd.txt', warnings: [], report }], nodesAdded: 3, nodesRemoved: 0, edgesAdded: 2, edgesRemoved: 0 });
    expect(upload.slice(0, 2)).toEqual(['odd.txt: new as odd.txt — 读取：深圳市，2 节，0 表行，0 条责任关系', 'odd.txt !! line 3: mentions 牵头 / 配合 / 责任单位 / 分工 on line 3 but no responsibility (LEADS / COOPERATES) was read']);
  });

  it('refuses files over the limit before sending', () => {
    expect(splitBySize([{ name: 'a', size: 10 }, { name: 'b', size: 3_000_000 }], 2_000_000)).toEqual({ send: [{ name: 'a', size: 10 }], tooBig: ['b: refused — larger than 2 MB'] });
  });
});
