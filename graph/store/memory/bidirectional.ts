import type { Adjacency } from './adjacency.ts';

/** A visited set and distances of the search from `from`, kept beside the adjacency's own pair. */
interface ForwardMarks {
  mark: Int32Array;
  dist: Int32Array;
  generation: number;
}

const forwardMarks = new WeakMap<Adjacency, ForwardMarks>();

function nextForwardStamp(adj: Adjacency): ForwardMarks & { stamp: number } {
  let f = forwardMarks.get(adj);
  if (!f) {
    f = { mark: new Int32Array(adj.nodes.length), dist: new Int32Array(adj.nodes.length), generation: 0 };
    forwardMarks.set(adj, f);
  }
  if (f.generation >= 0x7fffffff) {
    f.mark.fill(0);
    f.generation = 0;
  }
  f.generation++;
  return Object.assign(f, { stamp: f.generation });
}

/**
 * Distances to `b` for every node on a shortest a–b path, found by breadth-first search from
 * both ends (each step grows the smaller frontier), so a search meets in the middle instead
 * of sweeping the whole ball around `b`. Afterwards `adj.mark[u] === stamp` and `adj.dist[u]`
 * hold u's exact distance to `b` for every node the backward search reached and for every node
 * of the forward side that lies on a shortest path; no other node is stamped. That is all a
 * walk from `a` over steps that bring it one closer needs. Returns the distance, or -1 when
 * there is no path of at most `maxLength` edges.
 */
export function distancesToTarget(adj: Adjacency, a: number, b: number, maxLength: number, edgeMask: Uint8Array | null, stamp: number): number {
  const { offsets, incident, edgeType, mark, dist } = adj;
  mark[b] = stamp;
  dist[b] = 0;
  if (a === b) return 0;
  const fwd = nextForwardStamp(adj);
  const fs = fwd.stamp;
  fwd.mark[a] = fs;
  fwd.dist[a] = 0;
  let front = [a];
  let back = [b];
  let depthA = 0;
  let depthB = 0;
  const meeting: number[] = [];
  while (meeting.length === 0 && depthA + depthB < maxLength && front.length > 0 && back.length > 0) {
    const forward = frontierCost(adj, front) <= frontierCost(adj, back);
    const next: number[] = [];
    const level = (forward ? depthA : depthB) + 1;
    for (const u of forward ? front : back) {
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        const e = incident[k]!;
        if (edgeMask && !edgeMask[edgeType[e]!]) continue;
        const v = adj.other(e, u);
        if (forward) {
          if (fwd.mark[v] === fs) continue;
          fwd.mark[v] = fs;
          fwd.dist[v] = level;
          next.push(v);
          if (mark[v] === stamp) meeting.push(v);
        } else {
          if (mark[v] === stamp) continue;
          mark[v] = stamp;
          dist[v] = level;
          next.push(v);
          if (fwd.mark[v] === fs) meeting.push(v);
        }
      }
    }
    if (forward) {
      front = next;
      depthA = level;
    } else {
      back = next;
      depthB = level;
    }
  }
  if (meeting.length === 0) return -1;
  const total = depthA + depthB;
  // The forward side's share of the shortest paths, layer by layer back towards `a`: a node one
  // step nearer `a` than a node on a shortest path, and adjacent to it, is on one too.
  // Meeting nodes are stamped already, at distance depthB.
  let layer = meeting;
  for (let d = depthA - 1; d >= 0 && layer.length > 0; d--) {
    const below: number[] = [];
    for (const u of layer) {
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        const e = incident[k]!;
        if (edgeMask && !edgeMask[edgeType[e]!]) continue;
        const v = adj.other(e, u);
        if (fwd.mark[v] !== fs || fwd.dist[v] !== d || mark[v] === stamp) continue;
        mark[v] = stamp;
        dist[v] = total - d;
        below.push(v);
      }
    }
    layer = below;
  }
  return total;
}

/** Incident edges a frontier would scan: hubs make a short frontier expensive. */
function frontierCost(adj: Adjacency, frontier: readonly number[]): number {
  let cost = 0;
  for (const u of frontier) cost += adj.offsets[u + 1]! - adj.offsets[u]!;
  return cost;
}
