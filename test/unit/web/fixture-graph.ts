import type { GraphEdge, GraphNode, NodeType } from '../../../graph/model/index.ts';
import { edgeId, nodeId } from '../../../graph/model/index.ts';
import type { EdgeType } from '../../../graph/model/index.ts';

const ev = (line: number, quote: string) => [{ doc: '000_2ebb2acb91732bad.txt', line, quote }];

export function node(type: NodeType, name: string, props: GraphNode['props'] = {}, aliases: string[] = []): GraphNode {
  return { id: nodeId(type, name), type, name, aliases, props, evidence: ev(26, name) };
}
export function edge(type: EdgeType, source: GraphNode, target: GraphNode): GraphEdge {
  return { id: edgeId(type, source.id, target.id), type, source: source.id, target: target.id, props: {}, evidence: ev(26, source.name) };
}

/** An agency leading `n` tasks: enough to push an expansion past its cap. */
export function star(n: number): { center: GraphNode; nodes: GraphNode[]; edges: GraphEdge[] } {
  const center = node('Agency', '科技信息局', { level: 'municipal', nameEn: 'Science, Technology and Information Bureau' }, ['科信局']);
  const tasks = Array.from({ length: n }, (_, i) =>
    node('Task', `任务${i + 1}`, { kind: 'tableRow', doc: '000_2ebb2acb91732bad.txt', deadlines: [{ text: `${2009 + (i % 4)}年`, start: null, end: `${2009 + (i % 4)}-12-31`, precision: 'year', label: String(2009 + (i % 4)) }] }),
  );
  return { center, nodes: [center, ...tasks], edges: tasks.map((t, i) => edge(i % 3 === 0 ? 'LEADS' : 'COOPERATES', center, t)) };
}
