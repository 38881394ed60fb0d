import type { Command } from './command.ts';
import { checkCommand } from './commands/check.ts';
import { documentsCommand } from './commands/documents.ts';
import { etlCommand } from './commands/etl.ts';
import { exportCommand } from './commands/export.ts';
import { makeHelpCommand } from './commands/help.ts';
import { ingestCommand } from './commands/ingest.ts';
import { mergesCommand } from './commands/merges.ts';
import { removeCommand } from './commands/remove.ts';
import { statsCommand } from './commands/stats.ts';
import { GraphStoreError } from '../store/errors.ts';

const commands: Command[] = [etlCommand, exportCommand, statsCommand, checkCommand, ingestCommand, removeCommand, documentsCommand, mergesCommand];
const help = makeHelpCommand(() => [...commands, help]);

/** `npm run kg -- <command> args…`: one dispatcher, exit code from the command. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') return help.run([]);
  const command = [...commands, help].find((c) => c.name === name);
  if (!command) {
    console.error(`kg: unknown command ${name}`);
    await help.run([]);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    // Expected failures (bad flag, store down) are one line; anything else keeps its stack.
    if (err instanceof GraphStoreError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`kg ${name}: ${err.message}`);
      return 1;
    }
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
      console.error(`kg ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
