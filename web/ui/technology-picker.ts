import type { TechnologyTerms } from '../api/client.ts';

export type TechnologyEntry = TechnologyTerms['technologies'][number];
export interface TechnologyMatch {
  tech: TechnologyEntry;
  /** The name, term or gloss that matched, and which of the three it was. */
  matched: string;
  via: 'name' | 'term' | 'gloss';
  score: number;
}

function score(text: string, q: string): number | null {
  const s = text.toLowerCase();
  if (s === q) return 0;
  if (s.startsWith(q)) return 1;
  // English: a word of the gloss starting with the query ("vacc" → "vaccines").
  if (new RegExp(`\\b${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(s)) return 2;
  if (s.includes(q)) return 3;
  return null;
}

/**
 * Technologies whose name, a lexicon term (疫苗, 基因, 医疗器械…) or English gloss matches the query;
 * best match per technology, names before terms before glosses at equal quality, domains first.
 */
export function matchTechnologies(list: readonly TechnologyEntry[], query: string, limit = 12): TechnologyMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: TechnologyMatch[] = [];
  for (const tech of list) {
    let best: TechnologyMatch | null = null;
    const consider = (text: string, via: TechnologyMatch['via'], bias: number) => {
      const s = score(text, q);
      if (s === null) return;
      const total = s * 3 + bias;
      if (!best || total < best.score) best = { tech, matched: text, via, score: total };
    };
    consider(tech.name, 'name', 0);
    for (const term of tech.terms) consider(term, 'term', 1);
    if (tech.nameEn) consider(tech.nameEn, 'gloss', 2);
    if (best) out.push(best);
  }
  const kindRank = (t: TechnologyEntry) => (t.kind === 'domain' ? 0 : 1);
  return out.sort((a, b) => a.score - b.score || kindRank(a.tech) - kindRank(b.tech) || a.tech.name.length - b.tech.name.length || (a.tech.id < b.tech.id ? -1 : 1)).slice(0, limit);
}
