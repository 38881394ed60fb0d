import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceText } from '../../graph/etl/read-source.ts';
import { withDataWrite } from '../../graph/ingest/data-write.ts';
import { entryFor, SourceLibrary } from '../../graph/ingest/library.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { ROOT } from './support.ts';

// The server re-reads the library when another process commits (its file watcher) and on every
// document listing. If that lands while one of its own uploads is being written, the upload's
// entry must still be committed: a re-read from disk then knows nothing newer than the writer.

describe('library re-read during a write of the same process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refresh-during-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the document being written in the committed index', async () => {
    const library = await SourceLibrary.open(dir, join(ROOT, 'seeds'));
    const src = readSourceText('uploaded.txt', '文   号: 深府〔2099〕7号\n\n一、总体要求\n责任单位：市教育局牵头。\n');
    await withDataWrite({ dataDir: dir, store: new MemoryGraphStore(dir), library, command: 'test' }, async () => {
      await library.save(src, entryFor(src, 'ingested', { nodes: 1, edges: 1 }));
      await library.refresh(); // what the file watcher and GET /api/documents/loaded do
      expect(library.entries().map((d) => d.file)).toContain('uploaded.txt');
    });
    const index = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as { documents: { file: string }[] };
    expect(index.documents.map((d) => d.file)).toEqual(['uploaded.txt']);
  });
});
