import { edgeId, nodeId, type EdgeType, type Evidence, type GraphEdge, type GraphJson, type GraphNode, type NodeType } from '../../graph/model/index.ts';
import { Prng } from './prng.ts';

// Graph JSON built directly (not parsed) so the store benchmarks can have 100k and 1M edges
// without generating and parsing gigabytes of text. The shape follows the real graph:
// documents → section tasks → table-row tasks, agencies leading and cooperating on rows,
// tasks targeting a technology hierarchy and mentioning organisations.

export interface SyntheticGraph extends GraphJson {
  /** Ids the query benchmarks pick from. */
  sample: { agencies: string[]; tasks: string[]; technologies: string[]; names: string[] };
}

const TASKS_PER_DOC = 400;
const EDGES_PER_TASK = 6; // a little under the loop's average, so the target is reached

function evidence(doc: string, line: number): Evidence[] {
  return [{ doc, line, quote: '牵头' }];
}

/** About `targetEdges` edges (stops at the first task that reaches it); deterministic for a seed. */
export function generateGraph(targetEdges: number, seed = 7): SyntheticGraph {
  const rng = new Prng(seed);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const tasksTotal = Math.max(10, Math.ceil(targetEdges / EDGES_PER_TASK));
  const docCount = Math.max(1, Math.ceil(tasksTotal / TASKS_PER_DOC));
  const docs = Array.from({ length: docCount }, (_, i) => `900_synthetic_${String(i).padStart(6, '0')}.txt`);

  const addNode = (type: NodeType, name: string, doc: string, props: GraphNode['props'] = {}): string => {
    const id = nodeId(type, name);
    if (!seen.has(id)) {
      seen.add(id);
      nodes.push({ id, type, name, aliases: [], props, evidence: evidence(doc, 1) });
    }
    return id;
  };
  const addEdge = (type: EdgeType, source: string, target: string, doc: string, line: number) => {
    const id = edgeId(type, source, target);
    if (seen.has(id) || source === target) return;
    seen.add(id);
    edges.push({ id, type, source, target, props: {}, evidence: evidence(doc, line) });
  };

  const d0 = docs[0] ?? 'x';
  const agencies = Array.from({ length: Math.max(30, Math.round(Math.sqrt(targetEdges) * 2)) }, (_, i) =>
    addNode('Agency', `合成${i}局`, d0, { level: i % 10 === 0 ? 'district' : 'municipal' }),
  );
  const orgs = Array.from({ length: Math.max(20, Math.round(targetEdges / 100)) }, (_, i) =>
    i % 2 === 0 ? addNode('Institution', `深圳合成${i}研究院`, d0) : addNode('Enterprise', `深圳市合成${i}科技有限公司`, d0),
  );
  const domains = Array.from({ length: 10 }, (_, i) => addNode('Technology', `合成领域${i}`, d0, { kind: 'domain', no: i + 1 }));
  const techs = Array.from({ length: Math.max(48, Math.round(Math.sqrt(targetEdges))) }, (_, i) => {
    const id = addNode('Technology', `合成技术${i}`, d0, { kind: 'area', no: i + 1 });
    addEdge('SUBFIELD_OF', id, domains[i % domains.length] ?? id, d0, 1);
    return id;
  });

  let made = 0;
  for (let di = 0; di < docs.length && edges.length < targetEdges; di++) {
    const doc = docs[di] ?? d0;
    const docId = addNode('Document', doc, doc, { file: doc, title: `合成文件${di}` });
    let section = docId;
    for (let t = 0; t < TASKS_PER_DOC && edges.length < targetEdges; t++, made++) {
      const line = t + 20;
      const isSection = t % 5 === 0;
      const id = addNode('Task', `${doc}#${isSection ? 's' : 'r'}${t} 合成任务${made}`, doc, { doc, kind: isSection ? 'section' : 'tableRow', path: `${t}` });
      addEdge('PART_OF', id, isSection ? docId : section, doc, line);
      if (isSection) section = id;
      else addEdge('CITES', section, id, doc, line);
      addEdge('LEADS', rng.pick(agencies), id, doc, line);
      if (rng.chance(0.3)) addEdge('LEADS', rng.pick(agencies), id, doc, line);
      for (let k = rng.int(1, 4); k > 0; k--) addEdge('COOPERATES', rng.pick(agencies), id, doc, line);
      for (let k = rng.int(0, 2); k > 0; k--) addEdge('TARGETS', id, rng.pick(techs), doc, line);
      if (rng.chance(0.5)) addEdge('MENTIONS', id, rng.pick(orgs), doc, line);
      if (rng.chance(0.1)) addEdge('DEPENDS_ON', id, rng.pick(orgs), doc, line);
    }
  }
  const tasks = nodes.filter((n) => n.type === 'Task').map((n) => n.id);
  return {
    nodes,
    edges,
    sample: {
      agencies: rng.sample(agencies, 50),
      tasks: rng.sample(tasks, 50),
      technologies: rng.sample(techs, 20),
      names: ['合成', '合成1', '合成技术4', '研究院', '深圳市合成3科技有限公司', '局'],
    },
  };
}
