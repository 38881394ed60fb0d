import type { GraphNode, NodeType } from '../../model/index.ts';
import type { SearchCandidate } from '../../analysis/search-rank.ts';
import { compareCandidates, matchRank, normaliseSearchText, RANK_ORDER, topK } from '../../analysis/search-rank.ts';

interface Entry {
  key: string; // normalised name or alias
  matched: string; // as written
  id: string;
  type: NodeType;
  name: string;
  collective: boolean;
}

/**
 * Name/alias index: every key is posted under each character and each character bigram it
 * contains. A query scans only the shortest posting list of its bigrams (or its one character)
 * and verifies with `includes`, so search cost follows the hits, not the graph.
 */
export class SearchIndex {
  private readonly entries: Entry[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(nodes: readonly GraphNode[]) {
    for (const n of nodes) {
      const seen = new Set<string>();
      for (const text of [n.name, ...n.aliases]) {
        const key = normaliseSearchText(text);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const at = this.entries.push({ key, matched: text, id: n.id, type: n.type, name: n.name, collective: n.props['collective'] === true }) - 1;
        const grams = new Set<string>();
        for (let i = 0; i < key.length; i++) {
          grams.add(key[i] as string);
          if (i + 1 < key.length) grams.add(key.slice(i, i + 2));
        }
        for (const g of grams) {
          const list = this.postings.get(g);
          if (list) list.push(at);
          else this.postings.set(g, [at]);
        }
      }
    }
  }

  private candidates(q: string): number[] {
    if (q.length === 1) return this.postings.get(q) ?? [];
    let best: number[] | undefined;
    for (let i = 0; i + 1 < q.length; i++) {
      const list = this.postings.get(q.slice(i, i + 2));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  search(query: string, types: readonly NodeType[] | undefined, limit: number): { hits: SearchCandidate[]; total: number } {
    const q = normaliseSearchText(query);
    if (!q) return { hits: [], total: 0 };
    const typeSet = types && types.length > 0 ? new Set(types) : null;
    const best = new Map<string, SearchCandidate>();
    for (const at of this.candidates(q)) {
      const e = this.entries[at] as Entry;
      if (typeSet && !typeSet.has(e.type)) continue;
      const rank = matchRank(e.key, q);
      if (!rank) continue;
      const prev = best.get(e.id);
      // The name wins a tie with an alias: entries are posted name first.
      if (prev && RANK_ORDER[prev.rank] <= RANK_ORDER[rank]) continue;
      best.set(e.id, { id: e.id, type: e.type, name: e.name, collective: e.collective, rank, matched: e.matched });
    }
    const { top, total } = topK(best.values(), limit, compareCandidates);
    return { hits: top, total };
  }

  /** Ids of nodes whose name or an alias equals `text` (case-folded). */
  exact(text: string): string[] {
    const q = normaliseSearchText(text);
    const out = new Set<string>();
    for (const at of this.candidates(q)) {
      const e = this.entries[at] as Entry;
      if (e.key === q) out.add(e.id);
    }
    return [...out];
  }
}
