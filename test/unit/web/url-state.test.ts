import { describe, expect, it } from 'vitest';
import { decodeViewState, defaultViewState, encodeViewState } from '../../../web/state/url-state.ts';
import { deadlineYears, defaultFilters, isDefaultFilters, nodeVisible } from '../../../web/state/filters.ts';
import { node } from './fixture-graph.ts';

describe('URL state', () => {
  it('round-trips a full view', () => {
    const s = defaultViewState();
    s.focus = 'agency:科技信息局';
    s.expanded = ['agency:科技信息局', 'technology:生命科学与生物技术'];
    s.filters = { ...defaultFilters(), nodeTypes: ['Agency', 'Task'], edgeTypes: ['LEADS'], doc: '000_2ebb2acb91732bad.txt', level: 'district', yearFrom: 2009, yearTo: 2011 };
    s.layout = 'dagre';
    s.size = 'workload';
    s.view = 'trace';
    s.arg = '生命科学与生物技术';
    s.selected = 'agency:科技信息局';
    const hash = `#${encodeViewState(s)}`;
    expect(decodeViewState(hash)).toEqual(s);
  });
  it('keeps default links empty and survives garbage', () => {
    expect(encodeViewState(defaultViewState())).toBe('');
    const s = decodeViewState('#nt=Bogus&et=&level=galactic&yf=20x9&layout=circle&view=No%20pe&size=huge');
    expect(s).toEqual(defaultViewState());
    expect(isDefaultFilters(s.filters)).toBe(true);
  });
});

describe('filters', () => {
  const task = (deadlines: unknown[]) => node('Task', 't', { deadlines: deadlines as never });
  it('reads deadline years from normalised intervals', () => {
    expect(deadlineYears(task([{ text: '2011–2015', start: '2011-01-01', end: '2015-12-31', precision: 'period', label: '2011–2015' }]))).toEqual({ from: 2011, to: 2015 });
    expect(deadlineYears(task([]))).toBeNull();
  });
  it('filters by type, level, document and year overlap', () => {
    const f = defaultFilters();
    const a = node('Agency', '南山区政府', { level: 'district' });
    expect(nodeVisible(a, { ...f, level: 'municipal' })).toBe(false);
    expect(nodeVisible(a, { ...f, level: 'district' })).toBe(true);
    expect(nodeVisible(a, { ...f, nodeTypes: ['Task'] })).toBe(false);
    expect(nodeVisible(a, { ...f, doc: 'other.txt' })).toBe(false);
    const t = task([{ text: '', start: '2011-01-01', end: '2015-12-31', precision: 'period', label: '' }]);
    expect(nodeVisible(t, { ...f, yearFrom: 2015 })).toBe(true);
    expect(nodeVisible(t, { ...f, yearFrom: 2016 })).toBe(false);
    expect(nodeVisible(t, { ...f, yearTo: 2010 })).toBe(false);
    expect(nodeVisible(task([]), { ...f, yearTo: 2010 })).toBe(false);
  });
});
