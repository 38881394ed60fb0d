import type { Command } from '../command.ts';
import { parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { formatCounts } from '../print-counts.ts';
import { topLeadAgencies } from '../top-leads.ts';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'stats [--top N] [--json]: counts per node and edge type, top lead agencies by table rows led',
  async run(argv) {
    const args = parseCliArgs(argv);
    const { counts, top } = await withStore(args, async (store) => ({ counts: await store.counts(), top: topLeadAgencies(await store.exportGraph(), args.top) }));
    if (args.json) {
      console.log(JSON.stringify({ counts, topLeadAgencies: top }, null, 2));
      return 0;
    }
    if (counts.totalNodes === 0) console.log('the store is empty: run `npm run kg -- etl` first');
    console.log(formatCounts(counts));
    console.log(`top lead agencies (division-table rows led)`);
    top.forEach((a, i) => console.log(`${String(i + 1).padStart(3)}. ${a.name}  ${a.rows}  [${a.level ?? '?'}]${a.nameEn ? `  ${a.nameEn}` : ''}`));
    return 0;
  },
};
