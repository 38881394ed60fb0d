import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EXPORT_FORMAT_NAMES, renderExport, type ExportFormat } from '../../export/index.ts';
import { sortGraphJson } from '../../model/index.ts';
import { InvalidInputError } from '../../store/errors.ts';
import type { Command } from '../command.ts';
import { parseCliArgs } from '../cli-args.ts';
import { withStore } from '../open-store.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: `export --format ${EXPORT_FORMAT_NAMES.join('|')} [--out FILE]: write the stored graph (stdout without --out)`,
  async run(argv) {
    const args = parseCliArgs(argv);
    const format = (args.format ?? 'json') as ExportFormat;
    if (!EXPORT_FORMAT_NAMES.includes(format)) throw new InvalidInputError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(', ')}`, 'format');
    const graph = sortGraphJson(await withStore(args, (store) => store.exportGraph()));
    const file = renderExport(format, graph);
    if (!args.out) {
      if (typeof file.body !== 'string') throw new InvalidInputError(`--format ${format} is binary: give --out FILE`, 'out');
      process.stdout.write(file.body);
      return 0;
    }
    await mkdir(dirname(args.out), { recursive: true });
    await writeFile(args.out, file.body);
    console.error(`wrote ${args.out}: ${graph.nodes.length} nodes, ${graph.edges.length} edges`);
    return 0;
  },
};
