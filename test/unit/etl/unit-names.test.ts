import { describe, expect, it } from 'vitest';
import { resolveUnit, splitUnitList } from '../../../graph/etl/unit-names.ts';

const resolveAll = (text: string) => splitUnitList([{ line: 1, text }]).map((m) => resolveUnit(m));

describe('splitUnitList', () => {
  it('splits on 、 and 和, drops 等, and shares the 市 prefix', () => {
    const ms = splitUnitList([{ line: 615, text: '市发展改革局、科技信息局、财政局、国土房产局、教育局和各区政府等' }]);
    expect(ms.map((m) => m.surface)).toEqual(['市发展改革局', '科技信息局', '财政局', '国土房产局', '教育局', '各区政府']);
    expect(ms.map((m) => m.sharedMunicipal)).toEqual([false, true, true, true, true, true]);
  });

  it('reads / and blanks as nothing', () => {
    expect(splitUnitList([{ line: 410, text: '/' }])).toEqual([]);
    expect(splitUnitList([{ line: 229, text: '' }])).toEqual([]);
  });

  it('carries the prefix across a wrapped cell', () => {
    const ms = splitUnitList([
      { line: 285, text: '市发展改革局、' },
      { line: 286, text: '科技信息局' },
    ]);
    expect(ms).toEqual([
      { surface: '市发展改革局', line: 285, sharedMunicipal: false },
      { surface: '科技信息局', line: 286, sharedMunicipal: true },
    ]);
  });
});

describe('resolveUnit', () => {
  it('names municipal bodies without 市, with level and English gloss', () => {
    const [a, b, c] = resolveAll('市发展改革局、科技信息局、贸工局');
    expect(a).toMatchObject({ type: 'Agency', canonical: '发展改革局', level: 'municipal', nameEn: 'Development and Reform Bureau' });
    expect(a?.aliases).toContain('市发展改革局');
    expect(b).toMatchObject({ canonical: '科技信息局', level: 'municipal' });
    expect(c).toMatchObject({ canonical: '贸工局', level: 'municipal' });
  });

  it('resolves abbreviations to one node', () => {
    expect(resolveAll('市财政局、金融办、科信局、贸工局等')[2]?.canonical).toBe('科技信息局');
    expect(resolveAll('深交所')[0]).toMatchObject({ type: 'Institution', canonical: '深圳证券交易所' });
    expect(resolveAll('证监局')[0]).toMatchObject({ type: 'Agency', canonical: '深圳证监局', level: 'national' });
    expect(resolveAll('市府办')[0]?.canonical).toBe('政府办公厅');
  });

  it('keeps collective phrases as Agency nodes marked collective', () => {
    for (const phrase of ['各相关部门', '各有关部门', '市直有关部门', '各区政府']) {
      expect(resolveAll(phrase)[0]).toMatchObject({ type: 'Agency', canonical: phrase, level: 'other', collective: true });
    }
    expect(resolveAll('市直有关部门')[0]?.nameEn).toBe('municipal departments concerned');
  });

  it('types every kind of unit: district, national, enterprise, institution', () => {
    const units = resolveAll('南山区政府、光明新区管委会、中国人民银行深圳市中心支行、通信管理局、中国电信深圳分公司、创新投公司、深圳软件园管理中心、南方科大筹备办、创投公会');
    expect(units.map((u) => [u.type, u.level ?? null])).toEqual([
      ['Agency', 'district'],
      ['Agency', 'district'],
      ['Agency', 'national'],
      ['Agency', 'national'],
      ['Enterprise', null],
      ['Enterprise', null],
      ['Institution', null],
      ['Institution', null],
      ['Institution', null],
    ]);
  });

  it('falls back to suffix rules, and says when nothing matches', () => {
    expect(resolveAll('市新设局')[0]).toMatchObject({ type: 'Agency', canonical: '新设局', level: 'municipal', via: 'suffix' });
    expect(resolveAll('某某科技有限公司')[0]?.type).toBe('Enterprise');
    expect(resolveAll('某某')[0]?.via).toBe('unknown');
  });
});
