import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLoadedDocument, resolveDocument } from '../../graph/ingest/documents-list.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import type { GraphStore } from '../../graph/store/types.ts';
import { FIX, S000, S004, fixtureAs, rebuild, seedSource, seededEnv, type Env } from './helpers.ts';

/**
 * Ingest against any GraphStore: the same expectations hold for the embedded store and Neo4j,
 * because ingest only talks to the store through replaceDocument / removeDocument / exportGraph.
 */
export function describeIngest(name: string, makeStore: (dir: string) => Promise<GraphStore>): void {
  describe(`ingest on ${name}`, () => {
    let env: Env;
    let before: GraphJson;
    beforeEach(async () => {
      env = await seededEnv(makeStore);
      before = await env.store.exportGraph();
    });
    afterEach(() => env.cleanup());

    it('unchanged copies change nothing; refused files are reported', async () => {
      // The HTML page of 000 writes its table as TAB rows, so it is a new version of 000, not a copy
      // (test/formats/formats-etl-after-tab-tables.test.ts reads its graph).
      const s = await env.ingest(['004-gb18030.txt', 'binary.txt', 'empty.txt'].map((f) => join(FIX, f)));
      expect(s.files.map((f) => f.status)).toEqual(['unchanged', 'refused', 'refused']);
      expect(await env.store.exportGraph()).toEqual(before);
    });

    it('a changed document replaces only its facts: equal to a full rebuild', async () => {
      const s = await env.ingest([join(FIX, '000-row-changed.txt')]);
      expect(s.files[0]).toMatchObject({ status: 'updated', change: { nodesAdded: 0, nodesRemoved: 0, edgesAdded: 1, edgesRemoved: 1 } });
      expect(await env.store.exportGraph()).toEqual(rebuild(fixtureAs('000-row-changed.txt', S000), seedSource(S004)));
    });

    it('a new document, then its removal, leaves the graph as it was', async () => {
      const lines = readFileSync(`seeds/${S000}`, 'utf8').split('\n');
      lines[0] = 'http://www.sz.gov.cn/other.htm';
      lines[6] = '文   号: 深府〔2010〕2号';
      const s = await env.ingest([{ name: 'other.txt', bytes: Buffer.from(lines.join('\n')) }]);
      expect(s.files[0]).toMatchObject({ status: 'new', file: 'other.txt' });
      await removeLoadedDocument(env.library, env.store, resolveDocument(env.library, 'other')!);
      expect(await env.store.exportGraph()).toEqual(before);
    });
  });
}
