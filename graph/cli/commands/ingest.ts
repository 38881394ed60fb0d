import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { formatIngestSummary } from '../../ingest/format-summary.ts';
import { withDataWrite } from '../../ingest/data-write.ts';
import { rebuildIfOlderEtl } from '../../ingest/etl-upgrade.ts';
import { fileInputs, ingestInputs } from '../../ingest/ingest.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { loadMergeRules } from '../../ingest/merge-rules.ts';
import { createProgress } from '../../ingest/progress.ts';
import { expandPaths } from '../../ingest/read-input.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'load text documents or saved HTML pages (files or folders) into the graph, replacing changed ones',
  async run(argv) {
    const args = parseCliArgs(argv);
    if (args.files.length === 0) {
      console.error('usage: kg ingest <files or folders…> [--force] [--store memory|neo4j] [--data dir] [--json]');
      return 2;
    }
    const dataDir = dataDirOf(args);
    const { files, missing } = await expandPaths(args.files);
    for (const m of missing) console.error(`refused   ${m}: no such file or folder`);
    if (files.length === 0) {
      console.error('kg ingest: nothing to ingest');
      return 1;
    }
    const library = await SourceLibrary.open(dataDir);
    const summary = await withStore(args, (store) =>
      withDataWrite({ dataDir, store, library, command: 'kg ingest', onWait: (m) => console.error(m) }, async (write) => {
        const rules = await loadMergeRules(dataDir);
        const upgraded = await rebuildIfOlderEtl(store, library, rules);
        if (upgraded) console.error(upgraded);
        return ingestInputs(await fileInputs(files), { store, library, rules, force: args.force, commit: write.commit, progress: createProgress(process.stderr) });
      }),
    );
    console.log(args.json ? JSON.stringify(summary, null, 2) : formatIngestSummary(summary));
    // Refused files do not stop the run, but a script should notice them.
    return missing.length > 0 || summary.counts.refused > 0 || summary.counts.failed > 0 || summary.counts.held > 0 ? 1 : 0;
  },
};
