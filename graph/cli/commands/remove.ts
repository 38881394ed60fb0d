import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { removeLoadedDocument, resolveDocument } from '../../ingest/documents-list.ts';
import { withDataWrite } from '../../ingest/data-write.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { loadMergeRules } from '../../ingest/merge-rules.ts';

export const removeCommand: Command = {
  name: 'remove',
  summary: "remove a document's facts and every node no other document supports",
  async run(argv) {
    const args = parseCliArgs(argv);
    if (args.files.length === 0) {
      console.error('usage: kg remove <file | URL | 文号>… [--store memory|neo4j] [--data dir]');
      return 2;
    }
    const dataDir = dataDirOf(args);
    const library = await SourceLibrary.open(dataDir);
    let status = 0;
    await withStore(args, (store) => withDataWrite({ dataDir, store, library, command: 'kg remove', onWait: (m) => console.error(m) }, async (write) => {
      const rules = await loadMergeRules(dataDir);
      for (const name of args.files) {
        const entry = resolveDocument(library, name);
        if (!entry) {
          console.error(`kg remove: no loaded document ${name} (see kg documents)`);
          status = 1;
          continue;
        }
        const c = await removeLoadedDocument(library, store, entry, rules);
        await write.commit();
        console.log(`removed ${entry.file}: nodes −${c.nodesRemoved}, edges −${c.edgesRemoved}`);
      }
    }));
    return status;
  },
};
