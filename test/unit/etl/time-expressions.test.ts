import { describe, expect, it } from 'vitest';
import { parseTimeExpressions, readTimeContext } from '../../../graph/etl/time-expressions.ts';
import { PLAN, SCI, excerpt, seed } from './seed-sources.ts';

// The implementation plan's own periods: 四、2008―2010年主要工作 and 五、2011―2015年主要工作.
const plan = readTimeContext(['近期重点推进的十项工作', '2008―2010年主要工作', '2011―2015年主要工作'], seed(PLAN).lines);

describe('readTimeContext', () => {
  it('takes the plan periods from the headings and 近期 as the first of them', () => {
    expect(plan.periods).toEqual([{ start: 2008, end: 2010 }, { start: 2011, end: 2015 }]);
    expect(plan.nearTerm).toEqual({ start: 2008, end: 2010 });
  });

  it('knows “十二五” and “十一五” in the S&T plan and gives it no 近期', () => {
    const sci = readTimeContext([], seed(SCI).lines);
    expect(sci.periods).toEqual([{ start: 2011, end: 2015 }, { start: 2006, end: 2010 }]);
    expect(sci.nearTerm).toBeUndefined();
  });
});

describe('parseTimeExpressions', () => {
  const one = (text: string) => parseTimeExpressions(text, plan);

  it('2009年底 → by 2009-12-31, year precision', () => {
    expect(one('2009年底')).toEqual([{ text: '2009年底', start: null, end: '2009-12-31', precision: 'year', label: '2009' }]);
  });

  it('2010年10月前 → by 2010-10, month precision', () => {
    expect(one('力争2010年10月前项目正式动工')).toEqual([{ text: '2010年10月前', start: null, end: '2010-10-31', precision: 'month', label: '2010-10' }]);
  });

  it('2009年第四季度 → 2009-Q4', () => {
    expect(one('2009年第四季度开始投产')).toEqual([{ text: '2009年第四季度', start: '2009-10-01', end: '2009-12-31', precision: 'quarter', label: '2009-Q4' }]);
  });

  it('2009年上半年 → 2009-H1', () => {
    expect(one('2009年上半年完成设计规划报建')[0]).toMatchObject({ start: '2009-01-01', end: '2009-06-30', precision: 'half', label: '2009-H1' });
  });

  it('到2015年 and “十二五”期间 → 2011–2015, keeping the words', () => {
    expect(one('到2015年，基本建成南方科技大学')).toEqual([{ text: '到2015年', start: '2011-01-01', end: '2015-12-31', precision: 'period', label: '2011–2015' }]);
    expect(parseTimeExpressions('本规划是“十二五”期间深圳市科学技术发展的指导性文件')).toEqual([
      { text: '“十二五”期间', start: '2011-01-01', end: '2015-12-31', precision: 'period', label: '2011–2015' },
    ]);
  });

  it('近期 and 2008―2010年 as the document defines them', () => {
    expect(one('近期重点推进的十项工作')).toEqual([{ text: '近期', start: '2008-01-01', end: '2010-12-31', precision: 'period', label: '2008–2010' }]);
    expect(one('2008―2010年主要工作')[0]).toMatchObject({ label: '2008–2010', precision: 'period' });
    expect(parseTimeExpressions('近期能够突破的技术')).toEqual([]); // a document that does not define it
  });

  it('reads a real line with several deadlines, in order', () => {
    const [line] = excerpt(PLAN, 52, 52);
    expect(one(line ?? '').map((t) => [t.text, t.label, t.start])).toEqual([
      ['2009年6月前', '2009-06', null],
      ['2009年底前', '2009', null],
      ['2010年', '2010', '2010-01-01'],
      ['年底', '2010', null],
    ]);
  });

  it('reads 2010底 without 年 and 6月底 as by the month end', () => {
    expect(one('2010底完成')[0]).toMatchObject({ end: '2010-12-31', start: null, label: '2010' });
    expect(one('2009年6月底示范区')[0]).toMatchObject({ end: '2009-06-30', start: null, precision: 'month' });
  });

  it('reads a bare 年底 as the end of the year named before it (line 46)', () => {
    const [line] = excerpt(PLAN, 46, 46);
    expect(one(line ?? '').map((t) => [t.text, t.label, t.start])).toEqual([
      ['2009年10月前', '2009-10', null],
      ['2010年10月', '2010-10', '2010-10-01'],
      ['年底', '2010', null],
    ]);
    expect(one('力争年底通过')).toEqual([]); // no year named before it: nothing to anchor to
  });

  it('does not read a comparison baseline as a deadline', () => {
    expect(one('比2005年增长108%')).toEqual([]);
  });
  it('reads the deadline wordings of other plans: a day, a quarter without 第, 年年底, “十五五”', () => {
    const read = (t: string) => one(t).map((d) => [d.text, d.label, d.precision, d.start, d.end]);
    expect(read('2024年6月30日前完成')).toEqual([['2024年6月30日前', '2024-06-30', 'day', null, '2024-06-30']]);
    expect(read('2024年三季度上线')).toEqual([['2024年三季度', '2024-Q3', 'quarter', '2024-07-01', '2024-09-30']]);
    expect(read('2025年年底前建成')).toEqual([['2025年年底前', '2025', 'year', null, '2025-12-31']]);
    expect(read('“十五五”期间基本建成')).toEqual([['“十五五”期间', '2026–2030', 'period', '2026-01-01', '2030-12-31']]);
    expect(readTimeContext([], ['到“十五五”末基本建成']).periods).toEqual([{ start: 2026, end: 2030 }]);
  });
});
