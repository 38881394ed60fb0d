import { buildGraph } from '../../etl/build-graph.ts';
import { withDataWrite } from '../../ingest/data-write.ts';
import { SourceLibrary } from '../../ingest/library.ts';
import { applyMergeRules, loadMergeRules } from '../../ingest/merge-rules.ts';
import { markAttachments } from '../../ingest/fetch/attachment-link.ts';
import type { Command } from '../command.ts';
import { dataDirOf, parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { countGraph, formatCounts } from '../print-counts.ts';
import { readSources } from '../read-sources.ts';

export const etlCommand: Command = {
  name: 'etl',
  summary: 'etl [files…] [--store memory|neo4j] [--data DIR]: rebuild the graph from the loaded documents (seeds/ and ingested ones), or from just the given files',
  async run(argv) {
    const args = parseCliArgs(argv);
    // Without files, rebuild what is loaded: seeds plus ingested documents, with confirmed merges,
    // so a reload never silently drops an ingested document or a reviewed merge.
    const dataDir = dataDirOf(args);
    const library = await SourceLibrary.open(dataDir);
    const { sources, result, graph, load } = await withStore(args, (store) =>
      withDataWrite({ dataDir, store, library, command: 'kg etl', onWait: (m) => console.error(m) }, async () => {
        // Read under the lock: another writer's documents are in what is rebuilt.
        const sources = args.files.length > 0 ? await readSources(args.files) : await library.allSources();
        const result = buildGraph(sources);
        const graph = args.files.length > 0 ? result.graph : applyMergeRules(markAttachments(result.graph, library.entries()), await loadMergeRules(dataDir));
        return { sources, result, graph, load: await store.loadGraph(graph) };
      }),
    );
    console.log(`documents ${sources.length}: ${sources.map((s) => s.file).join(', ')}`);
    console.log(formatCounts(countGraph(graph)));
    console.log(`findings ${result.findings.length}, warnings ${result.warnings.length} (see: kg check)`);
    console.log(`etl ${result.ms.toFixed(1)} ms (cpu ${result.cpuMs.toFixed(1)} ms), load ${load.ms.toFixed(1)} ms: +${load.nodesAdded}/-${load.nodesRemoved} nodes, +${load.edgesAdded}/-${load.edgesRemoved} edges`);
    return 0;
  },
};
