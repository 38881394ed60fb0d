import { describe, expect, it } from 'vitest';
import { parseSections } from '../../../graph/etl/sections.ts';
import { PLAN, SCI, excerpt, seed } from './seed-sources.ts';

const byPath = (file: string) => new Map(parseSections(seed(file).lines).map((r) => [r.path, r]));

describe('parseSections on the implementation plan', () => {
  const s = byPath(PLAN);

  it('reads 一、/（一）/1． as depth 1/2/3 with paths from their numbers', () => {
    expect(s.get('4')).toMatchObject({ title: '2008―2010年主要工作', depth: 1, titleLine: 54, parentPath: null });
    expect(s.get('4.1')).toMatchObject({ title: '构建知识创新体系，培养高层次创新人才', depth: 2, parentPath: '4' });
    expect(s.get('4.1.2')).toMatchObject({ title: '研究机构建设', depth: 3, titleLine: 61, parentPath: '4.1', quote: '2．研究机构建设' });
    expect(s.get('3.10')).toMatchObject({ title: '建设深圳科技中心', titleLine: 51 });
    expect([...s.keys()].filter((p) => !p.includes('.'))).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('keeps 主要目标 and 工作任务 as properties of their section', () => {
    expect(s.get('4.1.2')?.goals).toEqual({ line: 62, text: '加快深圳先进技术研究院发展；组建深圳产业创新研究院；推进深圳华大基因研究院建设。' });
    expect(s.get('4.1.2')?.work?.line).toBe(63);
  });

  it('turns （1）（2）（3） inside 工作任务 into child tasks, named by their first clause', () => {
    expect(s.get('4.1.1.1')).toMatchObject({ title: '加强深圳大学学科建设', depth: 4, inline: true, parentPath: '4.1.1', titleLine: 59 });
    expect(s.get('4.1.1.3')?.title).toBe('指导完善富士康工业工程管理学院办学方案');
    // a leading date is not a name: "（1）2009年底前，发布…" is named by what is done
    expect(s.get('4.2.2.1')?.title).toBe('发布深圳科技创新公共技术服务平台管理办法');
    expect(s.get('4.2.2.1')?.quote).toBe('（1）2009年底前，发布深圳科技创新公共技术服务平台管理办法');
  });

  it('stops at the annex: no table row becomes a section', () => {
    expect(Math.max(...[...s.values()].map((r) => r.titleLine))).toBeLessThan(218);
  });

  it('every heading quote is a substring of its line', () => {
    const lines = seed(PLAN).lines;
    for (const r of s.values()) expect(lines[r.titleLine - 1]).toContain(r.quote);
  });
});

describe('parseSections on the S&T plan (top-level headings lost)', () => {
  const s = byPath(SCI);

  it('infers seven parts from the whitespace-only separator lines', () => {
    const parts = [...s.values()].filter((r) => r.depth === 1);
    expect(parts.map((p) => p.titleLine)).toEqual([19, 35, 45, 52, 79, 257, 346]);
    expect(parts[0]?.title).toBe('第一部分：发展基础；面临形势');
    expect(parts[2]?.title).toBe('第三部分：“十二五”期间科技发展总体目标');
  });

  it('keeps （一） and 1． below the parts, with the 48 numbered areas', () => {
    expect(s.get('5.1')?.title).toBe('集成电路');
    expect(s.get('5.2.4')).toMatchObject({ title: '云计算技术', depth: 3, titleLine: 95 });
    expect(s.get('2.2.1')?.title).toBe('开放创新，集聚资源');
    const areas = [...s.values()].filter((r) => r.path.startsWith('5.') && r.depth === 3);
    expect(areas).toHaveLength(48);
  });

  it('leaves the preamble and the appendix out', () => {
    expect([...s.values()].some((r) => r.lines.includes(14) || r.lines.includes(360))).toBe(false);
  });
});

describe('parseSections on an excerpt', () => {
  it('reads a small hierarchy', () => {
    const lines = ['', ...excerpt(PLAN, 54, 58)];
    const recs = parseSections(lines);
    expect(recs.map((r) => [r.path, r.title])).toEqual([
      ['4', '2008―2010年主要工作'],
      ['4.1', '构建知识创新体系，培养高层次创新人才'],
      ['4.1.1', '高等院校建设'],
    ]);
    expect(recs[2]?.goals?.text).toBe('加强深圳大学学科建设；完善大学城管理体制；加强若干技能培养型大学（学院）建设。');
  });
});
