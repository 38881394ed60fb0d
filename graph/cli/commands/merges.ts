import type { Command } from '../command.ts';

export const mergesCommand: Command = {
  name: 'merges',
  summary: 'not available yet',
  async run() {
    console.error('kg merges: not available yet');
    return 2;
  },
};
