import { describe, expect, it } from 'vitest';
import { GraphJsonSchema, edgeId, mergeEvidence, nodeId, sortGraphJson, typeOfNodeId } from '../../../graph/model/index.ts';

describe('graph model', () => {
  it('derives deterministic ids from type and canonical name', () => {
    expect(nodeId('Agency', '发展改革局')).toBe('agency:发展改革局');
    expect(edgeId('LEADS', 'agency:发展改革局', 'task:x#row-14')).toBe('LEADS:agency:发展改革局->task:x#row-14');
    expect(typeOfNodeId('technology:新药创制')).toBe('Technology');
    expect(typeOfNodeId('nonsense')).toBeUndefined();
  });

  it('merges evidence without duplicates, keeping first-seen order', () => {
    const a = { doc: 'a.txt', line: 3, quote: '市发展改革局' };
    const b = { doc: 'a.txt', line: 4, quote: '科技信息局' };
    expect(mergeEvidence([a], [a, b])).toEqual([a, b]);
  });

  it('rejects evidence with a zero line and unknown node types', () => {
    const bad = { nodes: [{ id: 'x:1', type: 'Person', name: 'x', aliases: [], props: {}, evidence: [{ doc: 'a', line: 0, quote: 'q' }] }], edges: [] };
    const result = GraphJsonSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('nodes.0.type');
    expect(paths).toContain('nodes.0.evidence.0.line');
  });

  it('sorts Graph JSON by id so equal graphs serialise identically', () => {
    const n = (id: string) => ({ id, type: 'Agency' as const, name: id, aliases: [], props: {}, evidence: [] });
    expect(sortGraphJson({ nodes: [n('b'), n('a')], edges: [] }).nodes.map((x) => x.id)).toEqual(['a', 'b']);
  });
});
