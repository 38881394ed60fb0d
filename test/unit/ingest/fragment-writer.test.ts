import { describe, expect, it } from 'vitest';
import { FragmentWriter, type Written } from '../../../graph/ingest/fragment-writer.ts';
import type { GraphJson } from '../../../graph/model/index.ts';
import { InvalidInputError } from '../../../graph/store/errors.ts';
import { MemoryGraphStore } from '../../../graph/store/memory/memory-store.ts';
import type { DocumentReplacement } from '../../../graph/store/types.ts';
import { documentFragment, smallGraph } from '../../fixtures/small-graph.ts';

/** The fixture's nodes and edges no document cites, loaded; then a.txt and b.txt through the writer. */
async function setup(batchDocs: number) {
  const fixture = smallGraph();
  const store = await MemoryGraphStore.open(null);
  await store.loadGraph({ nodes: fixture.nodes.filter((n) => n.evidence.length === 0), edges: fixture.edges.filter((e) => e.evidence.length === 0) });
  const writes: string[][] = [];
  const replace = store.replaceDocuments.bind(store);
  store.replaceDocuments = (batch: readonly DocumentReplacement[]) => {
    writes.push(batch.map((b) => b.doc));
    return replace(batch);
  };
  const written: Written<string>[] = [];
  const writer = new FragmentWriter<string>(store, async (w) => void written.push(...w), batchDocs);
  return { fixture, store, writes, written, writer };
}

describe('FragmentWriter', () => {
  it('waits for a batch of documents, then writes them in one call', async () => {
    const { fixture, store, writes, written, writer } = await setup(2);
    await writer.add('first', 'a.txt', documentFragment(fixture, 'a.txt'));
    expect(writes).toEqual([]); // one document is fewer than a batch
    expect(writer.docs).toEqual(['a.txt']);
    await writer.add('second', 'b.txt', documentFragment(fixture, 'b.txt'));
    expect(writes).toEqual([['a.txt', 'b.txt']]);
    expect(written.map((w) => [w.item, w.result instanceof Error])).toEqual([['first', false], ['second', false]]);
    expect(await store.exportGraph()).toEqual(fixture);
  });

  it('writes what is queued when flushed before a batch is full', async () => {
    const { fixture, writes, writer } = await setup(3);
    await writer.add('a', 'a.txt', documentFragment(fixture, 'a.txt'));
    await writer.add('b', 'b.txt', documentFragment(fixture, 'b.txt'));
    expect(writes).toEqual([]);
    await writer.flush();
    expect(writes).toEqual([['a.txt', 'b.txt']]);
    expect(writer.docs).toEqual([]);
  });

  it('reports a document the store refuses in its place; the others are written', async () => {
    const { fixture, written, writer } = await setup(3);
    const bad: GraphJson = { nodes: [], edges: [{ ...fixture.edges[0]!, id: 'x', source: 'task:missing' }] };
    await writer.add('a', 'a.txt', documentFragment(fixture, 'a.txt'));
    await writer.add('bad', 'c.txt', bad);
    await writer.add('b', 'b.txt', documentFragment(fixture, 'b.txt'));
    expect(written.map((w) => w.item)).toEqual(['a', 'bad', 'b']);
    expect(written[1]!.result).toBeInstanceOf(InvalidInputError);
    expect(written.filter((w) => !(w.result instanceof Error))).toHaveLength(2);
  });
});
