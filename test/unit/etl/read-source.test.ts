import { describe, expect, it } from 'vitest';
import { readSourceText } from '../../../graph/etl/read-source.ts';
import { PLAN, SCI, seed } from './seed-sources.ts';

describe('readSourceText', () => {
  it('reads the header of the implementation plan', () => {
    expect(seed(PLAN).header).toEqual({
      url: 'http://www.sz.gov.cn/zfgb/2009/gb638/200902/t20090219_818790.htm',
      indexNo: '043000-10-2009-004356',
      category: '市委市政府文件',
      publisher: '深圳市人民政府',
      date: '2009-02-19',
      title: '深圳市人民政府关于印发深圳国家创新型城市总体规划实施方案的通知',
      number: '深府〔2009〕9号',
    });
  });

  it('reads the header of the S&T plan, including the padded 文   号 label', () => {
    const h = seed(SCI).header;
    expect(h.number).toBe('深府〔2011〕194号');
    expect(h.date).toBe('2012-01-06');
    expect(h.title).toBe('深圳市人民政府关于印发深圳市科学技术发展“十二五”规划的通知');
  });

  it('numbers lines from 1 and strips \\r so quotes stay substrings', () => {
    const s = readSourceText('x.txt', 'http://a.b/c\r\n索引号: 1\r\n文   号: 深府〔2009〕9号\r\n　　正文\r\n');
    expect(s.lines).toEqual(['http://a.b/c', '索引号: 1', '文   号: 深府〔2009〕9号', '　　正文']);
    expect(s.header).toEqual({ url: 'http://a.b/c', indexNo: '1', number: '深府〔2009〕9号' });
  });

  it('keeps every line of the seeds, the last one without a newline too', () => {
    expect(seed(PLAN).lines).toHaveLength(639);
    expect(seed(SCI).lines).toHaveLength(373);
  });
});
