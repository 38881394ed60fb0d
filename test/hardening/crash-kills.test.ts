import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Prng } from '../../bench/synthetic/prng.ts';
import { withDataWrite } from '../../graph/ingest/data-write.ts';
import { SourceLibrary } from '../../graph/ingest/library.ts';
import { MemoryGraphStore } from '../../graph/store/memory/memory-store.ts';
import { checkDataDir, leftovers, type DataDirCheck } from './data-dir-check.ts';
import { armKill, describeTrigger, pickTrigger } from './kill-trigger.ts';
import { PlanDocs } from './plan-docs.ts';
import { ROOT, spawnTs } from './support.ts';

// `kg ingest`, `kg remove` and `kg merges confirm` SIGKILLed at random moments on one data dir.
// After every kill the next writer's start (withDataWrite: lock, finish or roll back the
// interrupted commit, re-read) must leave a data dir that holds together: every listed document
// has its facts, every fact's document is listed, every quote is on its stored line, and every
// recorded merge is in the graph. CRASH_SEED=<n> repeats a run.

const SEED = Number(process.env['CRASH_SEED'] ?? 20261204);
const KILLS = 50;
const SEEDS = join(ROOT, 'seeds');

/** A writer's command line, with the documents and nodes it may change. */
interface Op {
  kind: 'ingest' | 'update' | 'remove' | 'merge';
  args: string[];
  docs?: string[];
  nodes?: string[];
}

/** The first thing every writer does, then the check, under the lock so nothing moves meanwhile. */
async function repairAndCheck(data: string, meanwhile: () => void = () => undefined): Promise<{ left: string[]; check: DataDirCheck }> {
  const library = await SourceLibrary.open(data, SEEDS);
  return withDataWrite({ dataDir: data, store: new MemoryGraphStore(data), library, command: 'crash test check', waitMs: 30_000 }, async () => {
    meanwhile(); // the next writer starts up now and waits for this lock
    return { left: await leftovers(data), check: await checkDataDir(data, SEEDS) };
  });
}

describe(`writers SIGKILLed at random moments (seed ${SEED})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-kills-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`after each of ${KILLS} kills the next start repairs the data dir and it holds together`, async () => {
    const t0 = performance.now();
    console.log(`crash test: seed ${SEED} (set CRASH_SEED=${SEED} to repeat)`);
    const data = join(dir, 'data');
    const rng = new Prng(SEED);
    const docs = new PlanDocs(SEED + 1, join(dir, 'in'));
    const kg = (args: string[]) => spawnTs('graph/cli/main.ts', [...args, '--store', 'memory', '--data', data]);

    const seeded = await kg(['etl']).done;
    expect(seeded.code, seeded.stderr).toBe(0);
    let nextIndex = 0;
    const first = await kg(['ingest', ...[0, 1, 2, 3].map(() => docs.write(nextIndex++))]).done;
    expect(first.code, first.stderr).toBe(0);
    mkdirSync(join(data, 'graph-log'), { recursive: true }); // watched for the staging trigger

    let state = (await repairAndCheck(data)).check;
    expect(state.problems).toEqual([]);
    /**
     * The next writer starts while the last kill is checked, so it is planned from the state
     * before the last writer: it leaves alone what that one may have changed.
     */
    const plan = (s: DataDirCheck, last: Op | null): Op => {
      const touched = new Set(last?.docs ?? []);
      const spared = new Set(last?.nodes ?? []);
      if (last?.kind === 'merge') for (const n of s.graph.nodes) if (spared.has(n.id)) for (const e of n.evidence) touched.add(e.doc);
      const roll = rng.next();
      const ingested = s.ingested.filter((f) => /^900_synthetic_\d{6}\.txt$/.test(f) && !touched.has(f));
      if (roll < 0.2 && ingested.length > 2) {
        const file = rng.pick(ingested);
        return { kind: 'remove', args: ['remove', file], docs: [file] };
      }
      const orgs = s.graph.nodes.filter((n) => (n.type === 'Enterprise' || n.type === 'Institution') && !spared.has(n.id) && !n.evidence.some((e) => touched.has(e.doc)));
      if (roll < 0.4 && orgs.length >= 2) {
        const [alias, canonical] = rng.sample(orgs, 2).map((n) => n.id);
        return { kind: 'merge', args: ['merges', 'confirm', alias!, canonical!], nodes: [alias!, canonical!] };
      }
      if (roll < 0.55 && ingested.length > 0) {
        // The same 文号 and URL with other text: a replacement; --force, so it is never held back.
        const file = rng.pick(ingested);
        const index = Number(/(\d{6})/.exec(file)![1]);
        return { kind: 'update', args: ['ingest', docs.write(index, `_v${nextIndex++}`), '--force'], docs: [file] };
      }
      return { kind: 'ingest', args: ['ingest', ...Array.from({ length: rng.int(1, 3) }, () => docs.write(nextIndex++))] };
    };
    const start = (op: Op) => ({ op, trigger: pickTrigger(rng), startedAt: performance.now(), run: kg(op.args) });

    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    let kills = 0;
    let completed = 0;
    let current: ReturnType<typeof start> | null = start(plan(state, null));
    for (let attempt = 0; current && attempt < KILLS * 3; attempt++) {
      const { op, trigger, run, startedAt } = current;
      const disarm = armKill(run.child, data, trigger, startedAt);
      const r = await run.done;
      disarm();
      const killed = r.signal === 'SIGKILL';
      if (killed) kills++;
      const before = `${state.ingested.join()}|${state.merges}|${state.graph.nodes.length}/${state.graph.edges.length}`;
      const planned = state;
      current = null;
      const { left, check } = await repairAndCheck(data, () => {
        if (kills < KILLS) current = start(plan(planned, op));
      });
      const after = `${check.ingested.join()}|${check.merges}|${check.graph.nodes.length}/${check.graph.edges.length}`;
      const what = `${op.args.slice(0, 2).join(' ')} killed at ${describeTrigger(trigger)}`;
      if (killed) count(`${op.kind} killed (${trigger.kind}), ${before === after ? 'no effect' : 'took effect'}`);
      else {
        expect(r.code, `${op.args.join(' ')} ran to its end and failed: ${r.stderr.slice(-800)}`).toBe(0);
        completed++;
      }
      expect(left, `after ${what}: left after the repair`).toEqual([]);
      expect(check.problems, `after ${what} (kill ${kills}), ${check.problemCount} problem(s)`).toEqual([]);
      state = check;
    }
    expect(kills).toBe(KILLS);

    // And the data dir still takes writes.
    const last = await kg(['ingest', docs.write(nextIndex++)]).done;
    expect(last.code, last.stderr).toBe(0);
    const final = await checkDataDir(data, SEEDS);
    expect(final.problems).toEqual([]);
    const wallS = (performance.now() - t0) / 1000;
    console.log(
      `crash test: seed ${SEED}, ${kills} kills, ${completed} runs finished before their kill; ` +
        `${final.ingested.length} ingested documents, ${final.merges} merges at the end; wall ${wallS.toFixed(1)} s`,
    );
    for (const [k, n] of [...tally].sort()) console.log(`  ${String(n).padStart(3)}  ${k}`);
  }, 480_000);
});
