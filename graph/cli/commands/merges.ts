import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { withDataWrite } from '../../ingest/data-write.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { confirmMergeAction, listMergeCandidates, rejectMergeAction } from '../../ingest/merge-actions.ts';

const USAGE = 'usage: kg merges [--top N] [--json] | kg merges confirm <alias-id> <canonical-id> | kg merges reject <id-a> <id-b>';

export const mergesCommand: Command = {
  name: 'merges',
  summary: 'propose organisations to merge; confirm or reject them (kept as rules across re-ingests)',
  async run(argv) {
    const args = parseCliArgs(argv);
    const [action, a, b] = args.files;
    const dataDir = dataDirOf(args);
    if (action === 'reject') {
      if (!a || !b) return usage();
      const library = await SourceLibrary.open(dataDir);
      await withStore(args, (store) => withDataWrite({ dataDir, store, library, command: 'kg merges reject', onWait: (m) => console.error(m) }, () => rejectMergeAction(dataDir, a, b)));
      console.log(`rejected: ${a} and ${b} stay separate`);
      return 0;
    }
    if (action === 'confirm') {
      if (!a || !b) return usage();
      const library = await SourceLibrary.open(dataDir);
      const r = await withStore(args, (store) =>
        withDataWrite({ dataDir, store, library, command: 'kg merges confirm', onWait: (m) => console.error(m) }, (write) => confirmMergeAction({ store, library, dataDir, write }, a, b)),
      );
      console.log(`merged ${r.rule.alias} into ${r.rule.canonical} (${r.documents.length} document(s) re-read)`);
      console.log(`nodes +${r.change.nodesAdded} −${r.change.nodesRemoved}, edges +${r.change.edgesAdded} −${r.change.edgesRemoved}`);
      return 0;
    }
    if (action !== undefined) return usage();
    const candidates = await withStore(args, (store) => listMergeCandidates({ store, dataDir }, args.top));
    if (args.json) {
      console.log(JSON.stringify(candidates, null, 2));
      return 0;
    }
    if (candidates.length === 0) console.log('no merge candidates');
    for (const c of candidates) {
      console.log(`${c.score.toFixed(2)}  ${c.alias.name} (${c.alias.id})  →  ${c.canonical.name} (${c.canonical.id})`);
      for (const r of c.reasons) {
        const where = r.evidence.map((e) => `${e.doc}:${e.line}`).join(', ');
        console.log(`      ${r.kind}: ${r.detail}${where ? `  [${where}]` : ''}`);
      }
    }
    if (candidates.length > 0) console.log(`\nkg merges confirm <alias-id> <canonical-id>   |   kg merges reject <id-a> <id-b>`);
    return 0;
  },
};

function usage(): number {
  console.error(USAGE);
  return 2;
}
