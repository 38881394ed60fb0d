import { describe, expect, it } from 'vitest';
import { extractTechnologies } from '../../../graph/etl/technologies.ts';
import type { GraphEdge } from '../../../graph/model/index.ts';
import { oneTaskPerLine, span, syntheticDoc } from './fixture.ts';
import { parsedSeeds, readSeed, rowId, rowNo, sectionId, SEED_000, SEED_004 } from './seeds.ts';

const seeds = parsedSeeds();
const fragment = extractTechnologies(seeds);
const targets = fragment.edges.filter((e) => e.type === 'TARGETS');
const subfieldOf = new Map(fragment.edges.filter((e) => e.type === 'SUBFIELD_OF').map((e) => [e.source, e.target]));

function targetsOf(taskId: string, edges: readonly GraphEdge[] = targets): string[] {
  return edges.filter((e) => e.source === taskId).map((e) => e.target.replace(/^technology:/, '')).sort();
}

// Life science and biotech as the analyst means it: domain 7 and its areas, medical devices and its areas.
const BIOTECH = new Set(['technology:生命科学与生物技术', 'technology:医疗器械']);
function isBiotech(tech: string): boolean {
  return BIOTECH.has(tech) || BIOTECH.has(subfieldOf.get(tech) ?? '');
}

/** Targets of a small document run through the same step, with the real catalogue present. */
function targetsIn(lines: string[]): Map<number, string[]> {
  const doc = oneTaskPerLine('probe.txt', lines);
  const f = extractTechnologies([seeds[1]!, doc]);
  return new Map(lines.map((_, i) => [i + 1, targetsOf(`task:probe.txt#${i + 1}`, f.edges)]));
}

describe('TARGETS of the division-of-labour table rows (000)', () => {
  const rows = seeds[0]!.tasks.filter((t) => t.kind === 'tableRow');
  const biotechRows = rows
    .filter((r) => targets.some((e) => e.source === r.taskId && isBiotech(e.target)))
    .map((r) => rowNo(r.taskId));

  it('lists exactly the life-science and biotech rows', () => {
    // 8 华大基因, 28 迈瑞医疗器械, 29 流感疫苗, 30 海洋生物, 45 生物产业加速器, 48 国家生物产业基地.
    expect(biotechRows).toEqual([8, 28, 29, 30, 45, 48]);
  });

  it('reads the group heading: the 迈瑞 row is medical devices and biological industry', () => {
    expect(targetsOf(rowId(28))).toEqual(['医疗器械', '生命科学与生物技术']);
    const group = targets.find((e) => e.source === rowId(28) && e.target === 'technology:生命科学与生物技术');
    expect(group?.evidence).toEqual([{ doc: SEED_000, line: 318, quote: '生物产业' }]);
    expect(targetsOf(rowId(29))).toEqual(['新药创制', '生命科学与生物技术']);
    expect(targetsOf(rowId(30))).toEqual(['现代生物新技术', '生命科学与生物技术']);
  });

  it('keeps unrelated rows out: solar, internet, chips', () => {
    expect(targetsOf(rowId(31))).toEqual(['太阳能利用技术', '新能源']);
    expect(targetsOf(rowId(26))).toEqual(['网络技术', '软件与信息服务']);
    expect(targetsOf(rowId(34))).toEqual(['集成电路']);
    expect(targetsOf(rowId(52))).toEqual(['集成电路设计']);
    expect(targetsOf(rowId(15))).toEqual(['超级计算技术']);
    for (const no of [6, 7, 11, 14, 19, 22, 24, 25, 26, 31, 36, 112]) expect(biotechRows).not.toContain(no);
  });

  it('never reads technologies from the unit cells of a row (环保局, 食品药品监督局)', () => {
    const lines = readSeed(SEED_000).lines;
    for (const e of targets.filter((t) => rowNo(t.source) !== undefined)) {
      const row = rows.find((r) => r.taskId === e.source);
      // Evidence is the row's title line or the group heading above it, never a unit cell.
      for (const ev of e.evidence) {
        expect(ev.line === row?.titleLine || (ev.line < (row?.titleLine ?? 0) && /^（/.test(lines[ev.line - 1] ?? ''))).toBe(true);
      }
    }
  });
});

describe('TARGETS of sections', () => {
  it('gives the biological industry section its vaccine, marine and device technologies', () => {
    expect(targetsOf(sectionId(SEED_000, '4.4.2'))).toEqual(['医疗器械', '新药创制', '现代生物新技术', '生命科学与生物技术']);
  });

  it('attributes a (n) work item’s wording to the item, not to the whole section', () => {
    // 四.(六).3 国家产业基地建设: 国家生物产业基地 is in item (1), with 数字电视 and 集成电路设计.
    expect(targetsOf(sectionId(SEED_000, '4.6.3.1'))).toEqual(['数字内容', '生命科学与生物技术', '集成电路设计']);
    expect(targetsOf(sectionId(SEED_000, '4.6.3'))).toEqual([]);
    // 研究机构建设: BGI in the section goals; 人类基因组 in item (3).
    expect(targetsOf(sectionId(SEED_000, '4.1.2'))).toEqual(['生命科学与生物技术']);
    expect(targetsOf(sectionId(SEED_000, '4.1.2.3'))).toContain('下一代基因测序技术及应用');
  });

  it('lets each area heading of 004 target its own technology', () => {
    expect(targetsOf(sectionId(SEED_004, '5.7.27'))).toContain('新药创制');
    expect(targetsOf(sectionId(SEED_004, '5.6.26'))).toEqual(['生物质能利用技术']);
    expect(targetsOf(sectionId(SEED_004, '5.8.33'))).toEqual(['高端医学影像']);
  });

  it('does not let the sentence that lists all ten domains target them', () => {
    const part = seeds[1]!.tasks.find((t) => t.lines.includes(79));
    expect(part && targetsOf(part.taskId)).toEqual([]);
  });

  it('quotes the matched term on the cited line', () => {
    const files = new Map([[SEED_000, readSeed(SEED_000).lines], [SEED_004, readSeed(SEED_004).lines]]);
    for (const e of targets) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) expect(files.get(ev.doc)?.[ev.line - 1]).toContain(ev.quote);
    }
    expect(new Set(targets.map((e) => e.id)).size).toBe(targets.length);
  });
});

describe('term pitfalls', () => {
  const probe = targetsIn([
    '发展大型垃圾焚烧发电、沼气发电等技术，拓宽生物质能利用领域。',
    '重点发展生物特征分析与识别技术、网络安全审计技术。',
    '突破生物医学光学成像等关键技术。',
    '引进海洋生物类高科技项目进入园区。',
    '形成2500万人份流感疫苗的生产能力。',
    '推动华强北建设成为“中国电子第一街”。',
    '责任单位：市环保局、食品药品监督局牵头。',
    '支持生物降解塑料合成技术及其产业化。',
  ]);

  it('reads 生物质能 as new energy, not biotech', () => expect(probe.get(1)).toEqual(['生物质能利用技术']));
  it('reads 生物特征 as content security', () => expect(probe.get(2)).toEqual(['数字内容管理与安全技术', '网络技术']));
  it('reads 生物医学光学成像 as medical imaging', () => expect(probe.get(3)).toEqual(['高端医学影像']));
  it('reads 海洋生物 as modern biotechnology', () => expect(probe.get(4)).toEqual(['现代生物新技术']));
  it('reads 疫苗 as drug development', () => expect(probe.get(5)).toEqual(['新药创制']));
  it('finds nothing in text without technology', () => expect(probe.get(6)).toEqual([]));
  it('ignores responsibility clauses', () => expect(probe.get(7)).toEqual([]));
  it('reads 生物降解 as a biomaterial (new materials)', () => expect(probe.get(8)).toEqual(['生物材料']));

  it('makes one edge per task and technology, keeping each place as evidence', () => {
    const doc = syntheticDoc('one.txt', ['太阳能光伏和太阳能光热。', '太阳能建筑。'], [span('task:one', '太阳能', 1, [1, 2])]);
    const f = extractTechnologies([seeds[1]!, doc]).edges.filter((e) => e.source === 'task:one');
    expect(f.map((e) => e.target)).toEqual(['technology:太阳能利用技术']);
    expect(f[0]?.evidence.map((e) => `${e.line}:${e.quote}`)).toEqual(['1:太阳能', '1:光伏', '1:光热', '2:太阳能']);
  });
});
