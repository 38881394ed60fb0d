/** A connected graph shaped like the explorer's views: 40 % nodes, a spanning tree plus extra edges, random positions. */
export interface SyntheticView {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
}

export function syntheticView(elements: number): SyntheticView {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const nodeCount = Math.round(elements * 0.4);
  const nodes: SyntheticView['nodes'] = [];
  for (let i = 0; i < nodeCount; i++) nodes.push({ id: `n${i}`, label: `节点${i}`, x: rnd() * 4000, y: rnd() * 3000 });
  const edges: SyntheticView['edges'] = [];
  for (let i = 0; nodes.length + edges.length < elements; i++) {
    const s = (i % (nodeCount - 1)) + 1;
    const t = i < nodeCount - 1 ? Math.floor(rnd() * s) : Math.floor(rnd() * nodeCount);
    edges.push({ id: `e${i}`, source: `n${s}`, target: `n${t}` });
  }
  return { nodes, edges };
}
