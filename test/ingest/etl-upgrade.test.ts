import { describe, expect, it } from 'vitest';
import { documentsFromOlderEtl, rebuildIfOlderEtl } from '../../graph/ingest/etl-upgrade.ts';
import type { GraphJson } from '../../graph/model/index.ts';
import { S000, S004, rebuild, seedSource, useSeededEnv, type Env } from './helpers.ts';

let env: Env;
useSeededEnv((e) => {
  env = e;
});

/** The seed graph as the first ETL wrote it: no etlVersion, and row 14 under its old id. */
function asOlderEtl(g: GraphJson): GraphJson {
  const oldId = 'task:000_2ebb2acb91732bad#row-14';
  const rename = (id: string) => (id === 'task:提高本土企业自主创新能力' ? oldId : id);
  return {
    nodes: g.nodes.map((n) => (n.type === 'Document' ? { ...n, props: Object.fromEntries(Object.entries(n.props).filter(([k]) => k !== 'etlVersion')) } : { ...n, id: rename(n.id) })),
    edges: g.edges.map((e) => ({ ...e, id: `${e.id}`.replace('task:提高本土企业自主创新能力', oldId), source: rename(e.source), target: rename(e.target) })),
  };
}

describe('a graph an older ETL wrote', () => {
  it('is current after the seeds are loaded: nothing to rebuild', async () => {
    expect(await documentsFromOlderEtl(env.store, env.library)).toEqual([]);
    expect(await rebuildIfOlderEtl(env.store, env.library, env.rules)).toBeNull();
  });

  it('is recognised by its Document nodes and rebuilt whole from the loaded documents', async () => {
    const current = await env.store.exportGraph();
    await env.store.loadGraph(asOlderEtl(current));
    expect(await documentsFromOlderEtl(env.store, env.library)).toEqual(['document:深府〔2009〕9号', 'document:深府〔2011〕194号']);
    const note = await rebuildIfOlderEtl(env.store, env.library, env.rules);
    expect(note).toBe('the graph was read by an older ETL (2 documents): rebuilt from 2 documents → 602 nodes, 2177 edges');
    const after = await env.store.exportGraph();
    expect(after).toEqual(rebuild(seedSource(S000), seedSource(S004)));
    expect(after.nodes.some((n) => n.id.endsWith('#row-14'))).toBe(false);
  });
});
