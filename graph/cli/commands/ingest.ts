import type { Command } from '../command.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'not available yet',
  async run() {
    console.error('kg ingest: not available yet');
    return 2;
  },
};
