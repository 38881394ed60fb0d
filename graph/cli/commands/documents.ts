import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { listDocuments } from '../../ingest/documents-list.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { describeReport, readBadlyLine } from '../../ingest/format-summary.ts';

export const documentsCommand: Command = {
  name: 'documents',
  summary: 'list loaded documents: file, title, 文号, date, nodes and edges in the graph',
  async run(argv) {
    const args = parseCliArgs(argv);
    const library = await SourceLibrary.open(dataDirOf(args));
    const docs = await withStore(args, (store) => listDocuments(library, store));
    if (args.json) {
      console.log(JSON.stringify(docs, null, 2));
      return 0;
    }
    if (docs.length === 0) {
      console.log('no documents loaded');
      return 0;
    }
    for (const d of docs) {
      const shared = d.inStore.sharedTasks > 0 ? `, ${d.inStore.sharedTasks} tasks also in other documents` : '';
      const counts = `${d.inStore.nodes} nodes, ${d.inStore.edges} edges${shared}`;
      console.log(`${d.file}  ${d.date ?? '—'}  ${d.number ?? '—'}  ${counts}${d.origin === 'seed' ? '  (seed)' : ''}`);
      console.log(`    ${d.title ?? '(no title)'}`);
      if (d.report) for (const line of describeReport(d.report, '    ', '  ')) console.log(line);
    }
    console.log(`${docs.length} document(s)`);
    const poor = readBadlyLine(docs.flatMap((d) => (d.report ? [d.report] : [])));
    if (poor) console.log(poor);
    return 0;
  },
};
