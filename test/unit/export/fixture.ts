import type { GraphJson } from '../../../graph/model/index.ts';

/** A small graph with names that break naive writers: quotes, backslashes, <&>, commas, newlines. */
export const TRICKY_NAME = `O'Brien \\ "市发展改革局" <&> a,b`;

export const fixtureGraph: GraphJson = {
  nodes: [
    {
      id: 'agency:发展改革局',
      type: 'Agency',
      name: '发展改革局',
      aliases: ['市发展改革局', '发改局'],
      props: { level: 'municipal' },
      evidence: [{ doc: '000_a.txt', line: 21, quote: '市发展改革局' }],
    },
    {
      id: 'task:000_a:row-14',
      type: 'Task',
      name: '提高本土企业自主创新能力',
      aliases: [],
      props: { doc: '000_a.txt', kind: 'tableRow', deadlines: [{ text: '2009年', start: null, end: '2009-12-31', precision: 'year', label: '2009' }] },
      evidence: [{ doc: '000_a.txt', line: 300, quote: '提高本土企业\n自主创新能力' }],
    },
    {
      id: 'enterprise:tricky',
      type: 'Enterprise',
      name: TRICKY_NAME,
      aliases: [`it's`],
      props: {},
      evidence: [],
    },
  ],
  edges: [
    {
      id: 'LEADS:agency:发展改革局->task:000_a:row-14',
      type: 'LEADS',
      source: 'agency:发展改革局',
      target: 'task:000_a:row-14',
      props: {},
      evidence: [{ doc: '000_a.txt', line: 300, quote: '市发展改革局牵头' }],
    },
    {
      id: 'COOPERATES:enterprise:tricky->task:000_a:row-14',
      type: 'COOPERATES',
      source: 'enterprise:tricky',
      target: 'task:000_a:row-14',
      props: { note: 'x"y' },
      evidence: [],
    },
  ],
};
