import type { Command } from '../command.ts';

/** `kg help`: lists the commands it is given, so main.ts stays the one registry. */
export function makeHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'help: this list',
    async run() {
      console.log('usage: npm run kg -- <command> [args…]\n');
      for (const c of commands()) console.log(`  ${c.name.padEnd(10)} ${c.summary}`);
      console.log('\nstore: NEO4J_URI selects Neo4j; --store memory|neo4j overrides; the embedded store persists under data/ (--data DIR).');
      return 0;
    },
  };
}
