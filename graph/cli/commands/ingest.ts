import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs, type CliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { formatIngestSummary } from '../../ingest/format-summary.ts';
import { withDataWrite } from '../../ingest/data-write.ts';
import { rebuildIfOlderEtl } from '../../ingest/etl-upgrade.ts';
import { urlInputs } from '../../ingest/fetch/url-inputs.ts';
import type { FetchOptionsInput } from '../../ingest/fetch/fetch-options.ts';
import { fileInputs, ingestInputs, type InputRef } from '../../ingest/ingest.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { loadMergeRules } from '../../ingest/merge-rules.ts';
import { createProgress } from '../../ingest/progress.ts';
import { expandPaths } from '../../ingest/read-input.ts';

const USAGE = 'usage: kg ingest <files, folders or http(s) URLs…> [--attach file…] [--force] [--timeout seconds] [--store memory|neo4j] [--data dir] [--json]';
const isUrl = (s: string) => /^https?:\/\//i.test(s);

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'load documents (text, saved HTML, .docx, .pdf, .xlsx/.xls/.csv; files, folders or web pages with their attachments), replacing changed ones',
  async run(argv) {
    const args = parseCliArgs(argv);
    const attach = args.attach ?? [];
    if (args.files.length === 0 || (attach.length > 0 && args.files.length !== 1)) {
      if (attach.length > 0) console.error('kg ingest: --attach attaches to exactly one document; name it once');
      console.error(USAGE);
      return 2;
    }
    const dataDir = dataDirOf(args);
    const { files, missing } = await expandPaths(args.files.filter((f) => !isUrl(f)));
    const attached = await expandPaths(attach);
    missing.push(...attached.missing);
    for (const m of missing) console.error(`refused   ${m}: no such file or folder`);
    if (attach.length > 0 && files.length > 1) {
      console.error(`kg ingest: --attach attaches to one document, and ${args.files[0]} is a folder of ${files.length}`);
      return 2;
    }
    // Pages are fetched before the data dir is locked: their links decide what is ingested.
    const fetched = await urlInputs(args.files.filter(isUrl), fetchOptionsOf(args));
    for (const s of fetched.skipped) console.error(s);
    const inputs: InputRef[] = [...(await fileInputs(files)), ...fetched.inputs];
    if (inputs.length === 0) {
      console.error('kg ingest: nothing to ingest');
      return 1;
    }
    const parent = inputs[0]!.input;
    inputs.push(...(await fileInputs(attached.files)).map((r) => ({ ...r, attachTo: parent })));
    const library = await SourceLibrary.open(dataDir);
    const summary = await withStore(args, (store) =>
      withDataWrite({ dataDir, store, library, command: 'kg ingest', onWait: (m) => console.error(m) }, async (write) => {
        const rules = await loadMergeRules(dataDir);
        const upgraded = await rebuildIfOlderEtl(store, library, rules);
        if (upgraded) console.error(upgraded);
        return ingestInputs(inputs, { store, library, rules, force: args.force, commit: write.commit, progress: createProgress(process.stderr) });
      }),
    );
    console.log(args.json ? JSON.stringify(summary, null, 2) : formatIngestSummary(summary));
    // Refused files do not stop the run, but a script should notice them.
    return missing.length > 0 || summary.counts.refused > 0 || summary.counts.failed > 0 || summary.counts.held > 0 ? 1 : 0;
  },
};

/** --timeout is the time for a whole response; the server still has at most 20 s to answer. */
function fetchOptionsOf(args: CliArgs): FetchOptionsInput {
  if (args.timeout === undefined) return {};
  const ms = args.timeout * 1000;
  return { totalMs: ms, connectMs: Math.min(ms, 20_000) };
}
