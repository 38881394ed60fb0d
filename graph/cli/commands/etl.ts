import { buildGraph } from '../../etl/build-graph.ts';
import type { Command } from '../command.ts';
import { parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';
import { countGraph, formatCounts } from '../print-counts.ts';
import { readSources } from '../read-sources.ts';

export const etlCommand: Command = {
  name: 'etl',
  summary: 'etl [files…] [--store memory|neo4j] [--data DIR]: build the graph from seeds/ (or the files) into the store',
  async run(argv) {
    const args = parseCliArgs(argv);
    const sources = await readSources(args.files);
    const result = buildGraph(sources);
    const load = await withStore(args, (store) => store.loadGraph(result.graph));
    console.log(`documents ${sources.length}: ${sources.map((s) => s.file).join(', ')}`);
    console.log(formatCounts(countGraph(result.graph)));
    console.log(`findings ${result.findings.length}, warnings ${result.warnings.length} (see: kg check)`);
    console.log(`etl ${result.ms.toFixed(1)} ms (cpu ${result.cpuMs.toFixed(1)} ms), load ${load.ms.toFixed(1)} ms: +${load.nodesAdded}/-${load.nodesRemoved} nodes, +${load.edgesAdded}/-${load.edgesRemoved} edges`);
    return 0;
  },
};
