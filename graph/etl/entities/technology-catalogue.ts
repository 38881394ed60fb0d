import type { Evidence } from '../../model/index.ts';
import type { SourceDocument } from '../types.ts';

/** A domain or numbered area as the S&T plan names it, with the heading it was read from. */
export interface CatalogueEntry {
  name: string;
  kind: 'domain' | 'area';
  no: number;
  /** The domain an area belongs to; null for domains. */
  domain: string | null;
  evidence: Evidence;
}

export interface TechnologyCatalogue {
  doc: string;
  /** 1-based line of the sentence that lists the domains. */
  listLine: number;
  domains: CatalogueEntry[];
  areas: CatalogueEntry[];
}

// "选取集成电路、…、节能环保等十大领域": the sentence that announces the domains.
const DOMAIN_LIST = /选取((?:[^、，。]{2,12}、){2,}[^、，。]{2,12})等[一二三四五六七八九十\d]+大领域/;
const DOMAIN_HEADING = /^（[一二三四五六七八九十]+）([^。]+)。/;
const AREA_HEADING = /^(\d{1,2})[．.]([^。]+)。/;

/**
 * Reads the technology catalogue from a plan that lists its priority domains and then
 * details them as （一）domain / 1．area headings. Reading stops at the first heading
 * that breaks the sequence (the next part of the plan restarts at （一）/1．).
 */
export function readTechnologyCatalogue(source: SourceDocument): TechnologyCatalogue | null {
  const start = source.lines.findIndex((l) => DOMAIN_LIST.test(l));
  if (start < 0) return null;
  const names = (DOMAIN_LIST.exec(source.lines[start] ?? '')?.[1] ?? '').split('、');
  const domains: CatalogueEntry[] = [];
  const areas: CatalogueEntry[] = [];
  for (let i = start + 1; i < source.lines.length; i++) {
    const raw = source.lines[i] ?? '';
    const text = raw.trim();
    const offset = raw.indexOf(text);
    const d = DOMAIN_HEADING.exec(text);
    if (d) {
      const name = (d[1] ?? '').trim();
      if (name !== names[domains.length]) break;
      domains.push(entry(source.file, i + 1, raw, offset, d[0], name, 'domain', domains.length + 1, null));
      continue;
    }
    const a = AREA_HEADING.exec(text);
    if (a) {
      const no = Number(a[1]);
      const domain = domains[domains.length - 1];
      if (!domain || no !== areas.length + 1) break;
      const name = (a[2] ?? '').trim();
      areas.push(entry(source.file, i + 1, raw, offset, a[0], name, 'area', no, domain.name));
    }
  }
  if (domains.length === 0) return null;
  return { doc: source.file, listLine: start + 1, domains, areas };
}

function entry(
  doc: string,
  line: number,
  raw: string,
  offset: number,
  heading: string,
  name: string,
  kind: 'domain' | 'area',
  no: number,
  domain: string | null,
): CatalogueEntry {
  // Quote the heading without its closing 。 so it reads like the name.
  const quote = raw.slice(offset, offset + heading.length - 1);
  return { name, kind, no, domain, evidence: { doc, line, quote } };
}
