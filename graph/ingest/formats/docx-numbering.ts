import { formatListNumber } from './list-number-formats.ts';

/**
 * Word's automatic numbering written into the paragraphs' text. A heading numbered by Word
 * (w:numPr on the paragraph or its style) holds only its words: 一、 / （一） / 1. live in
 * numbering.xml, so the text would lack the numbers the heading rules read. Each numbered
 * paragraph gets its number as a first run, rendered from its level's w:lvlText with the counters
 * of the list, and its numbering is switched off (w:numId 0) so nothing numbers it twice.
 * Bullets are left as they are: they number nothing.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** Legal numbering: every level's number written in decimal. */
  legal: boolean;
  /** The paragraph style this level belongs to (heading numbering linked to Heading 1…). */
  style: string | null;
}

interface NumberingDefinitions {
  /** w:abstractNum levels by id. */
  lists: Map<string, Map<number, Level>>;
  /** w:num: its list and the levels it restarts (w:startOverride). */
  nums: Map<string, { list: string; starts: Map<number, number> }>;
}

/** A w:numPr: either part may be missing (a paragraph may give only the level of its style's list). */
interface NumberRef {
  numId: string | null;
  level: number | null;
}

/** w:val of the first <w:tag> in `xml`. */
const attr = (xml: string, tag: string): string | null => new RegExp(`<w:${tag}\\b[^>]*?w:val="([^"]*)"`).exec(xml)?.[1] ?? null;
/** An attribute in an element's attribute text. */
const attrIn = (attrs: string, name: string): string | null => new RegExp(`\\bw:${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;

function readLevel(xml: string): Level {
  return {
    start: Number(attr(xml, 'start') ?? '1'),
    format: attr(xml, 'numFmt') ?? 'decimal',
    text: attr(xml, 'lvlText') ?? '',
    legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(xml),
    style: attr(xml, 'pStyle'),
  };
}

export function readNumbering(numberingXml: string): NumberingDefinitions {
  const lists = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attrIn(m[1]!, 'abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, Level>();
    // A level without w:ilvl (malformed, but written) is level 0.
    for (const l of m[2]!.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) levels.set(Number(attrIn(l[1]!, 'ilvl') ?? '0'), readLevel(l[2]!));
    lists.set(id, levels);
  }
  const nums = new Map<string, { list: string; starts: Map<number, number> }>();
  for (const m of numberingXml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attrIn(m[1]!, 'numId');
    const list = attr(m[2]!, 'abstractNumId');
    if (id === null || list === null) continue;
    const starts = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const s = attr(o[2]!, 'startOverride');
      if (s !== null) starts.set(Number(o[1]), Number(s));
    }
    nums.set(id, { list, starts });
  }
  return { lists, nums };
}

function numberRef(pPr: string): NumberRef | null {
  const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
  if (numPr === undefined) return null;
  const level = attr(numPr, 'ilvl');
  return { numId: attr(numPr, 'numId'), level: level === null ? null : Number(level) };
}

/** Paragraph styles' own numbering, a style without one taking its base style's (w:basedOn). */
export function readStyleNumbering(stylesXml: string): Map<string, NumberRef> {
  const own = new Map<string, NumberRef | null>();
  const based = new Map<string, string>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attrIn(m[1]!, 'styleId');
    if (id === null || attrIn(m[1]!, 'type') !== 'paragraph') continue;
    own.set(id, numberRef(m[2]!));
    const base = attr(m[2]!, 'basedOn');
    if (base) based.set(id, base);
  }
  const out = new Map<string, NumberRef>();
  for (const id of own.keys()) {
    let ref: NumberRef | null = null;
    for (let s: string | undefined = id, hops = 0; s !== undefined && ref?.numId == null && hops < 20; s = based.get(s), hops++) ref = own.get(s) ?? ref;
    if (ref?.numId != null) out.set(id, ref);
  }
  return out;
}

/** Counters per list (w:abstractNum): lists sharing one continue its numbers, as Word does. */
class Counters {
  private readonly byList = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The number text of the next paragraph at `level` of num `numId`, or null (bullet, no such list). */
  next(numId: string, level: number): string | null {
    const num = this.defs.nums.get(numId);
    const levels = num && this.defs.lists.get(num.list);
    const lvl = levels?.get(level);
    if (!num || !levels || !lvl || lvl.format === 'bullet') return null;
    const counts = this.byList.get(num.list) ?? [];
    this.byList.set(num.list, counts);
    // A num that restarts a level (w:startOverride) does so at its first paragraph there.
    const override = num.starts.get(level);
    const key = `${numId}\0${level}`;
    if (override !== undefined && !this.restarted.has(key)) {
      this.restarted.add(key);
      counts[level] = override;
    } else counts[level] = counts[level] === undefined ? lvl.start : counts[level]! + 1;
    counts.length = level + 1; // deeper levels start again under a new number
    return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const ref = levels.get(k);
      const n = counts[k] ?? ref?.start ?? 1;
      return formatListNumber(n, lvl.legal ? 'decimal' : (ref?.format ?? 'decimal'));
    });
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NUMBERING_OFF = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';

/** document.xml with every numbered paragraph's number written at its start (see the file comment). */
export function writeParagraphNumbers(documentXml: string, numberingXml: string, stylesXml: string): string {
  const defs = readNumbering(numberingXml);
  const styles = readStyleNumbering(stylesXml);
  // A level linked to a style (w:pStyle in w:lvl) is the level of that style's paragraphs.
  const styleLevel = new Map<string, number>();
  for (const levels of defs.lists.values()) for (const [k, l] of levels) if (l.style && !styleLevel.has(l.style)) styleLevel.set(l.style, k);
  const counters = new Counters(defs);
  // Paragraphs one by one; a paragraph holding another (a text box) ends at the inner one's end, which is still after its own pPr.
  return documentXml.replace(/<w:p(?=[\s>])([^>]*)(?<!\/)>([\s\S]*?)<\/w:p>/g, (whole, attrs: string, body: string) => {
    const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body);
    const props = pPr?.[1] ?? '';
    const style = attr(props, 'pStyle');
    const direct = numberRef(props);
    const viaStyle = style ? styles.get(style) : undefined;
    const numId = direct?.numId ?? viaStyle?.numId;
    if (numId == null || numId === '0') return whole;
    const level = direct?.level ?? viaStyle?.level ?? (style ? styleLevel.get(style) : undefined) ?? 0;
    const text = counters.next(numId, level);
    if (text === null) return whole;
    const run = text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '';
    const newProps = direct ? props.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, NUMBERING_OFF) : `${props}${NUMBERING_OFF}`;
    const rest = pPr ? body.slice(pPr[0].length) : body;
    return `<w:p${attrs}><w:pPr>${newProps}</w:pPr>${run}${rest}</w:p>`;
  });
}
