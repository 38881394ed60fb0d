import { ORGANISATION_TYPES, type Evidence, type GraphJson, type GraphNode, type NodeType } from '../model/index.ts';
import { isRejected, type MergeRules, type NodeRef } from './merge-rules.ts';

export type CandidateReasonKind = 'same-name' | 'name-contains' | 'similar-name' | 'abbreviation' | 'same-role';

export interface CandidateReason {
  kind: CandidateReasonKind;
  detail: string;
  evidence: Evidence[];
}

export interface MergeCandidate {
  /** Stable id of the pair: the two node ids, sorted, joined by "|". */
  id: string;
  alias: NodeRef;
  canonical: NodeRef;
  score: number;
  reasons: CandidateReason[];
}

const ORG_TYPES: ReadonlySet<NodeType> = new Set(ORGANISATION_TYPES);
const MIN_SCORE = 0.5;

/**
 * Pairs of organisation nodes that may be one organisation under two names: the same name once
 * the 深圳市/市 prefix is gone, one name inside the other, an abbreviation (科信局 ← 科技信息局:
 * same first and last character, the short form's characters in order), or the same role on
 * the same task in different documents (a renamed body). Rejected pairs are never proposed again.
 */
export function findMergeCandidates(graph: GraphJson, rules: MergeRules, limit = 100): MergeCandidate[] {
  const orgs = graph.nodes.filter((n) => ORG_TYPES.has(n.type) && n.props['collective'] !== true);
  const byId = new Map(orgs.map((n) => [n.id, n]));
  const pairs = new Map<string, { a: GraphNode; b: GraphNode; reasons: CandidateReason[]; score: number }>();
  const add = (a: GraphNode, b: GraphNode, reason: CandidateReason, score: number) => {
    if (a.id === b.id || isRejected(rules, a.id, b.id)) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}|${y.id}`;
    const p = pairs.get(key) ?? { a: x, b: y, reasons: [], score: 0 };
    p.reasons.push(reason);
    p.score = Math.min(1, p.score + score);
    pairs.set(key, p);
  };

  // Name signals, compared only within blocks that share the first character of the core name.
  const blocks = new Map<string, GraphNode[]>();
  for (const n of orgs) {
    const core = coreName(n.name);
    const list = blocks.get(core[0] ?? '') ?? [];
    list.push(n);
    blocks.set(core[0] ?? '', list);
  }
  for (const list of blocks.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const r = nameReason(list[i]!, list[j]!);
        if (r) add(list[i]!, list[j]!, r.reason, r.score);
      }
    }
  }

  for (const [a, b, reason] of sameRolePairs(graph, byId)) add(a, b, reason, 0.35);

  return [...pairs.entries()]
    .filter(([, p]) => p.score >= MIN_SCORE)
    .map(([id, p]) => {
      const [alias, canonical] = preferCanonical(p.a, p.b);
      return { id, alias: ref(alias), canonical: ref(canonical), score: round(p.score), reasons: p.reasons };
    })
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .slice(0, limit);
}

/** The name without the city prefix every municipal body may or may not carry. */
export function coreName(name: string): string {
  return name.replace(/^(深圳市|深圳|市)/, '');
}

function nameReason(a: GraphNode, b: GraphNode): { reason: CandidateReason; score: number } | null {
  const x = coreName(a.name);
  const y = coreName(b.name);
  const evidence = [...a.evidence.slice(0, 1), ...b.evidence.slice(0, 1)];
  if (x === y) return { reason: { kind: 'same-name', detail: `${a.name} = ${b.name} without the city prefix`, evidence }, score: 0.9 };
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 2 && long.includes(short)) {
    // 华为 / 华为技术有限公司 is one company; 北京大学 / 北京大学深圳研究生院 are parent and child.
    const rest = long.replace(short, '').replace(GENERIC_PARTS, '');
    const score = rest === '' ? 0.7 : 0.4;
    return { reason: { kind: 'name-contains', detail: `${long} contains ${short}`, evidence }, score };
  }
  if (short.length >= 2 && short.at(-1) === long.at(-1) && isSubsequence(short, long)) {
    // 科信局 ← 科技信息局 picks characters across the name; 北京大学 ← 北京理工大学 cuts out a
    // whole word, which names a different body more often than it abbreviates.
    const cut = cutOut(short, long);
    const score = cut !== null && cut.length >= 2 ? 0.4 : 0.75;
    return { reason: { kind: 'abbreviation', detail: `${short} abbreviates ${long}`, evidence }, score };
  }
  const dice = bigramDice(x, y);
  if (dice >= 0.7) return { reason: { kind: 'similar-name', detail: `${x} ~ ${y} (${round(dice)})`, evidence }, score: dice * 0.8 };
  return null;
}

/**
 * Same role on the same task: a responsibility clause and the table row it cites (CITES) that
 * each name one organisation the other lacks — one body under two names, text vs table.
 */
function sameRolePairs(graph: GraphJson, orgs: ReadonlyMap<string, GraphNode>): [GraphNode, GraphNode, CandidateReason][] {
  const holders = new Map<string, Map<string, Evidence[]>>(); // role\0task → org → evidence
  for (const e of graph.edges) {
    if ((e.type !== 'LEADS' && e.type !== 'COOPERATES') || !orgs.has(e.source)) continue;
    const key = `${e.type}\u0000${e.target}`;
    const m = holders.get(key) ?? new Map<string, Evidence[]>();
    m.set(e.source, e.evidence);
    holders.set(key, m);
  }
  const out: [GraphNode, GraphNode, CandidateReason][] = [];
  for (const c of graph.edges) {
    if (c.type !== 'CITES') continue;
    for (const role of ['LEADS', 'COOPERATES'] as const) {
      const inText = holders.get(`${role}\u0000${c.source}`);
      const inRow = holders.get(`${role}\u0000${c.target}`);
      if (!inText || !inRow) continue;
      const onlyText = [...inText.keys()].filter((o) => !inRow.has(o));
      const onlyRow = [...inRow.keys()].filter((o) => !inText.has(o));
      if (onlyText.length !== 1 || onlyRow.length !== 1) continue;
      const [a, b] = [orgs.get(onlyText[0]!)!, orgs.get(onlyRow[0]!)!];
      const evidence = [...(inText.get(a.id) ?? []).slice(0, 1), ...(inRow.get(b.id) ?? []).slice(0, 1)];
      out.push([a, b, { kind: 'same-role', detail: `${role} ${c.source} in the text as ${a.name}, in the row it cites as ${b.name}`, evidence }]);
    }
  }
  return out;
}

/** Agencies over other types, then the better supported name, then the longer (fuller) one. */
function preferCanonical(a: GraphNode, b: GraphNode): [GraphNode, GraphNode] {
  const rank = (n: GraphNode) => [n.type === 'Agency' ? 1 : 0, n.evidence.length, n.name.length];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) {
    if (ra[i]! !== rb[i]!) return ra[i]! > rb[i]! ? [b, a] : [a, b];
  }
  return a.id < b.id ? [b, a] : [a, b];
}

const GENERIC_PARTS = /深圳|有限公司|股份|集团|公司|技术|办公室|委员会/g;

/** The one contiguous run removed from `long` to give `short`, or null if it takes more than one cut. */
function cutOut(short: string, long: string): string | null {
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  const tail = short.slice(i);
  return long.endsWith(tail) ? long.slice(i, long.length - tail.length) : null;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total === 0 ? 0 : (2 * common) / total;
}

function ref(n: GraphNode): NodeRef {
  return { id: n.id, name: n.name, type: n.type };
}

const round = (x: number) => Math.round(x * 100) / 100;
