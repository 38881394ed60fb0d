import type { GraphNode, NodeType } from '../../model/index.ts';
import type { Rank } from '../../analysis/search-rank.ts';
import { isAbbreviation, matchRank, normaliseSearchText, RANK_ORDER, typeGroup } from '../../analysis/search-rank.ts';
import { NODE_TYPE_CODE, typeMask } from './adjacency.ts';

const RANKS: Rank[] = ['exact', 'prefix', 'contains', 'abbrev'];

export interface IndexHit {
  node: number; // index into the nodes given (id order)
  rank: Rank;
  matched: string;
}

/**
 * Name/alias index: every key is posted under each character and each character bigram it
 * contains. A query scans only the shortest posting list of its bigrams (or its one character)
 * and verifies with `includes`, so the cost follows the hits, not the graph. The order within a
 * rank (analysis/search-rank.ts: type group, name length, id) is fixed per node, so it is
 * precomputed as one number and a hit's sort key is rank × n + that number.
 */
export class SearchIndex {
  private readonly keys: string[] = [];
  private readonly matched: string[] = [];
  private readonly entryNode: number[] = [];
  /** Glosses match as words only, never as abbreviations. */
  private readonly isGloss: boolean[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly order: Int32Array; // node → position in the within-rank order
  private readonly nodeType: Uint8Array;
  private readonly best: Float64Array;
  private readonly bestEntry: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(private readonly nodes: readonly GraphNode[]) {
    const n = nodes.length;
    this.nodeType = new Uint8Array(n);
    nodes.forEach((node, u) => {
      this.nodeType[u] = NODE_TYPE_CODE.get(node.type) as number;
      const seen = new Set<string>();
      const gloss = typeof node.props['nameEn'] === 'string' ? node.props['nameEn'] : '';
      const texts = [node.name, ...node.aliases];
      for (const [i, text] of (gloss ? [...texts, gloss] : texts).entries()) {
        const key = normaliseSearchText(text);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const at = this.keys.push(key) - 1;
        this.matched.push(text);
        this.entryNode.push(u);
        this.isGloss.push(i >= texts.length);
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
    });
    const group = (u: number) => typeGroup(nodes[u]!.type, nodes[u]!.props['collective'] === true);
    const sorted = Array.from({ length: n }, (_, u) => u).sort((a, b) => group(a) - group(b) || nodes[a]!.name.length - nodes[b]!.name.length || a - b);
    this.order = new Int32Array(n);
    sorted.forEach((u, pos) => (this.order[u] = pos));
    this.best = new Float64Array(n);
    this.bestEntry = new Int32Array(n);
    this.seen = new Int32Array(n);
  }

  private candidates(q: string): readonly number[] {
    if (q.length === 1) return this.postings.get(q) ?? [];
    let best: number[] | undefined;
    for (let i = 0; i + 1 < q.length; i++) {
      const list = this.postings.get(q.slice(i, i + 2));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  search(query: string, types: readonly NodeType[] | undefined, limit: number): { hits: IndexHit[]; total: number } {
    const q = normaliseSearchText(query);
    if (!q) return { hits: [], total: 0 };
    const mask = typeMask(NODE_TYPE_CODE, types);
    const n = this.nodes.length;
    const stamp = ++this.stamp;
    const touched: number[] = [];
    for (const at of this.candidates(q)) {
      const u = this.entryNode[at]!;
      if (mask && !mask[this.nodeType[u]!]) continue;
      const rank = matchRank(this.keys[at]!, q);
      if (!rank) continue;
      const key = RANK_ORDER[rank] * n + this.order[u]!;
      // Strictly better only: the name is posted before the aliases and wins a tie.
      if (this.seen[u] !== stamp) {
        this.seen[u] = stamp;
        touched.push(u);
      } else if (key >= this.best[u]!) continue;
      this.best[u] = key;
      this.bestEntry[u] = at;
    }
    // Abbreviations only for nodes nothing else matched: they rank after every other match.
    if (q.length >= 2) {
      let rarest: readonly number[] | undefined;
      for (const ch of q) {
        const list = this.postings.get(ch) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const at of rarest ?? []) {
        const u = this.entryNode[at]!;
        if ((this.seen[u] === stamp && this.best[u]! < RANK_ORDER.abbrev * n) || this.isGloss[at]) continue;
        if (mask && !mask[this.nodeType[u]!]) continue;
        if (!isAbbreviation(this.keys[at]!, q)) continue;
        const key = RANK_ORDER.abbrev * n + this.order[u]!;
        if (this.seen[u] !== stamp) {
          this.seen[u] = stamp;
          touched.push(u);
        } else if (key >= this.best[u]!) continue;
        this.best[u] = key;
        this.bestEntry[u] = at;
      }
    }
    // The `limit` smallest keys, by insertion into a short sorted list.
    const top: number[] = [];
    for (const u of touched) {
      const key = this.best[u]!;
      if (top.length === limit && key >= this.best[top[limit - 1]!]!) continue;
      let i = top.length;
      while (i > 0 && key < this.best[top[i - 1]!]!) i--;
      top.splice(i, 0, u);
      if (top.length > limit) top.pop();
    }
    const hits = top.map((u) => ({ node: u, rank: RANKS[Math.floor(this.best[u]! / n)] as Rank, matched: this.matched[this.bestEntry[u]!]! }));
    return { hits, total: touched.length };
  }

  /** Nodes whose name or an alias equals `text` (case-folded). */
  exact(text: string): number[] {
    const q = normaliseSearchText(text);
    const out = new Set<number>();
    for (const at of this.candidates(q)) if (this.keys[at] === q) out.add(this.entryNode[at]!);
    return [...out];
  }
}
