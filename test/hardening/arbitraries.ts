import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateCorpus } from '../../bench/synthetic/corpus.ts';

// Documents for property tests: real seed and synthetic lines, damaged in the ways scraped
// government pages are damaged — arbitrary Unicode, very long lines, broken table rows,
// unbalanced brackets — so the parsers meet both structure and garbage.

const seedLines = ['000_2ebb2acb91732bad.txt', '004_6d8794a7fddf0732.txt'].flatMap((f) =>
  readFileSync(new URL(`../../seeds/${f}`, import.meta.url), 'utf8').split('\n'),
);
const syntheticLines = [...generateCorpus({ documents: 2, seed: 5, sections: 4 })].flatMap((d) => d.text.split('\n'));

/** The seeds' structural markers, so random text often looks like headings, clauses and table rows. */
const MARKERS = ['一、', '（一）', '1．', '12.', '（1）', '责任单位：', '牵头', '，', '配合', '等配合', '（见附表', '）', '、', '。', '；',
  '具体工作任务', '牵头单位', '协办单位', '附表：', '附录：', '主要目标：', '工作任务：', '市', '局', '区政府', '2009年', '第四季度', '上半年',
  '年底前', '―', '〔', '〕', '（', '《', '》', '\u3000\u3000', '\t', '\r', '\uFEFF', '\u0000', '\uD800', '𠮷', '索引号: ', '文   号: '];

const marker = fc.constantFrom(...MARKERS);
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength: 12 });

/** A line assembled from markers, CJK and arbitrary code units (lone surrogates included). */
export const messyLine = fc.array(fc.oneof(marker, marker, cjk, anyText), { maxLength: 12 }).map((parts) => parts.join(''));

/** Up to ~20k characters: long enough to catch per-line blow-ups, short enough for the time budget. */
export const longLine = fc
  .tuple(fc.array(fc.oneof(marker, cjk), { minLength: 1, maxLength: 6 }), fc.integer({ min: 200, max: 2_000 }))
  .map(([parts, times]) => parts.join('').repeat(times).slice(0, 20_000));

type Mutation = (lines: string[]) => string[];

/** Array.prototype.toSpliced is ES2023; the project targets ES2022. */
function spliced(ls: readonly string[], at: number, remove: number, ...add: string[]): string[] {
  const copy = [...ls];
  copy.splice(at, remove, ...add);
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), messyLine).map(([i, s]): Mutation => (ls) => spliced(ls, i % (ls.length + 1), 0, s)),
  fc.tuple(fc.nat(), longLine).map(([i, s]): Mutation => (ls) => spliced(ls, i % (ls.length + 1), 0, s)),
  fc.nat().map((i): Mutation => (ls) => spliced(ls, i % Math.max(1, ls.length), 1)),
  fc.tuple(fc.nat(), fc.nat()).map(([i, cut]): Mutation => (ls) => ls.map((l, k) => (k === i % Math.max(1, ls.length) ? l.slice(0, cut % (l.length + 1)) : l))),
  // Unbalanced brackets: drop a closing one or add an opening one.
  fc.nat().map((i): Mutation => (ls) => ls.map((l, k) => (k === i % Math.max(1, ls.length) ? l.replace('）', '') + '（' : l))),
  // Broken table rows: a cell split, doubled or a row number repeated.
  fc.nat().map((i): Mutation => (ls) => {
    const k = i % Math.max(1, ls.length);
    return spliced(ls, k, 0, ls[k] ?? '', `${(i % 130) + 1}.`, '市');
  }),
);

const base = fc.oneof(
  fc.tuple(fc.nat(seedLines.length), fc.integer({ min: 1, max: 120 })).map(([s, n]) => seedLines.slice(s, s + n)),
  fc.tuple(fc.nat(syntheticLines.length), fc.integer({ min: 1, max: 120 })).map(([s, n]) => syntheticLines.slice(s, s + n)),
  fc.array(messyLine, { maxLength: 30 }),
);

/** Lines of a damaged document. */
export const damagedLines = fc
  .tuple(base, fc.array(mutation, { maxLength: 6 }))
  .map(([lines, ms]) => ms.reduce((ls, m) => m(ls), lines));

/** A damaged document with a real header and table header, so the table and header steps run too. */
export const damagedDocument = fc
  .tuple(damagedLines, fc.boolean(), fc.boolean())
  .map(([lines, withHeader, withTable]) => [
    ...(withHeader ? seedLines.slice(0, 9) : []),
    ...lines,
    ...(withTable ? ['具体工作任务', '牵头单位', '协办单位', ...lines.slice(0, 20)] : []),
  ].join('\n'));
