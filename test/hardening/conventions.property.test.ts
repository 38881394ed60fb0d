import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../graph/etl/build-graph.ts';
import { prepareTextInput } from '../../graph/ingest/read-input.ts';
import { RENDERINGS, canRender, renderPlan, type Rendering, type TaskFacts } from '../support/convention-render.ts';

// Units as plans name them: bureaus, party and people's bodies, a court, a collective phrase.
const UNITS = ['市教育局', '市科技局', '市财政局', '市商务局', '市卫生健康局', '市交通运输局', '市委宣传部', '团市委', '市总工会', '市中级人民法院', '市文化广电旅游体育局', '各县（市、区）人民政府'];
const TITLES = ['建设科技企业孵化器', '完善科技金融服务', '培育高新技术企业', '推进产学研合作', '强化知识产权保护', '引进高层次人才', '建设新型研发机构', '开展科技成果转化'];

const facts: fc.Arbitrary<TaskFacts[]> = fc
  .uniqueArray(fc.constantFrom(...TITLES), { minLength: 1, maxLength: 6 })
  .chain((titles) =>
    fc.tuple(...titles.map((title) =>
      fc.shuffledSubarray(UNITS, { minLength: 1, maxLength: 5 }).chain((units) =>
        fc.integer({ min: 1, max: Math.min(2, units.length) }).map((leads) => ({ title, lead: units.slice(0, leads), coop: units.slice(leads) })),
      ),
    )),
  );

/** LEADS and COOPERATES as `unit->task title`, the same whether the task is a section or a row. */
function roles(r: Rendering, tasks: TaskFacts[]): { leads: string[]; coops: string[] } {
  const { name, text } = renderPlan(r, tasks);
  const p = prepareTextInput(name, name, new TextEncoder().encode(text));
  if (!p.ok) throw new Error(p.message);
  const { graph } = buildGraph([p.source]);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const of = (type: string) => graph.edges.filter((e) => e.type === type).map((e) => `${names.get(e.source)}->${names.get(e.target)}`).sort();
  return { leads: of('LEADS'), coops: of('COOPERATES') };
}

describe('one set of facts in every convention', () => {
  it('every convention yields the same LEADS and COOPERATES as the seeds’ 责任单位 wording, and the facts themselves', () => {
    fc.assert(
      fc.property(facts, (tasks) => {
        const want = roles('seed', tasks);
        // The facts, placed in the plan's city: 市教育局 is 韶关市教育局, 团市委 团韶关市委.
        const place = (u: string) => (u.startsWith('市') ? `韶关${u}` : u === '团市委' ? '团韶关市委' : `韶关市${u}`);
        const expected = (pick: (t: TaskFacts) => string[]) => tasks.flatMap((t) => pick(t).map((u) => `${place(u)}->${t.title}`)).sort();
        expect(want).toEqual({ leads: expected((t) => t.lead), coops: expected((t) => t.coop) });
        for (const r of RENDERINGS) if (canRender(r, tasks)) expect({ r, ...roles(r, tasks) }).toEqual({ r, ...want });
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });
});
