import type { OrganisationEntry } from '../glossary/organisations.ts';
import { findOrganisations } from './org-matcher.ts';

/** A named party in a 依托 sentence, with its place in the line. */
export interface NamedParty {
  index: number;
  text: string;
  entry: OrganisationEntry;
}

/** One 依托 sentence read from a line: what is relied on, what is built, and where it was said. */
export interface Reliance {
  /** Index of 依托 in the line. */
  index: number;
  /** Exclusive end of the quote: through the thing built, or the clause that builds. */
  end: number;
  relied: NamedParty[];
  built: NamedParty[];
  /** The 依托 phrase relies on nothing specific (高校、科研机构…, 区位优势). */
  generic: boolean;
}

const BUILD = /组建|建设|筹建|建立|设立/;
const SENTENCE_END = /[。；]|依托/g;
// A thing built and named after its verb: 组建电子信息产品智能互联工程实验室, 组建超材料产业联盟.
const BUILT_NAME = /^(?:新的|一个|一批)?([\u4e00-\u9fa5A-Za-z0-9\-－（）]{2,30}?(?:工程实验室|实验室|研究院|研究所|中心|联盟|馆))/;

export function readReliances(line: string): Reliance[] {
  const out: Reliance[] = [];
  // Every line is read, few say 依托: indexOf, not a regex iterator per line.
  for (let at = line.indexOf('依托'); at >= 0; at = line.indexOf('依托', at + 2)) {
    if (line[at - 1] === '为') continue; // 以…为依托 names a basis, not a party
    SENTENCE_END.lastIndex = at + 2;
    const stop = SENTENCE_END.exec(line)?.index ?? line.length;
    out.push(readOne(line, at, stop));
  }
  return out;
}

function readOne(line: string, at: number, stop: number): Reliance {
  const from = at + 2;
  const sentence = line.slice(from, stop);
  const comma = sentence.indexOf('，');
  const verb = BUILD.exec(sentence)?.index ?? -1;
  const xEnd = from + [comma, verb].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), sentence.length);
  const relied = parties(line, from, xEnd);
  if (relied.length === 0) return { index: at, end: xEnd, relied, built: [], generic: true };
  // The thing built is in the first clause after the parties that has a verb of building.
  let clauseStart = line[xEnd] === '，' ? xEnd + 1 : xEnd;
  while (clauseStart < stop) {
    const next = line.indexOf('，', clauseStart);
    const clauseEnd = next < 0 || next > stop ? stop : next;
    const clause = line.slice(clauseStart, clauseEnd);
    const v = BUILD.exec(clause);
    if (v) {
      const reliedNames = new Set(relied.map((p) => p.entry.canonical));
      const built = builtThings(line, clauseStart, clauseEnd, clauseStart + v.index + v[0].length).filter(
        (p) => !reliedNames.has(p.entry.canonical),
      );
      const end = built.length > 0 ? Math.max(...built.map((p) => p.index + p.text.length)) : clauseEnd;
      return { index: at, end, relied, built, generic: false };
    }
    clauseStart = clauseEnd + 1;
  }
  return { index: at, end: xEnd, relied, built: [], generic: false };
}

function parties(line: string, from: number, to: number): NamedParty[] {
  return findOrganisations(line.slice(from, to)).map((m) => ({ index: from + m.index, text: m.text, entry: m.entry }));
}

/** Known organisations in the building clause, else names built right after the verb. */
function builtThings(line: string, from: number, to: number, afterVerb: number): NamedParty[] {
  const known = parties(line, from, to);
  if (known.length > 0) return known;
  const out: NamedParty[] = [];
  let pos = afterVerb;
  // 建设海量存储中心和大型托管中心: one thing per conjunct.
  for (const part of line.slice(afterVerb, to).split(/(?=[和及、])/)) {
    const lead = /^[和及、]/.test(part) ? 1 : 0;
    const m = BUILT_NAME.exec(part.slice(lead));
    if (m?.[1]) {
      const index = pos + lead + part.slice(lead).indexOf(m[1]);
      out.push({ index, text: m[1], entry: { canonical: m[1], type: 'Institution', aliases: [] } });
    } else if (out.length > 0) {
      break;
    }
    pos += part.length;
  }
  return out;
}
