import type { Command } from '../command.ts';

export const removeCommand: Command = {
  name: 'remove',
  summary: 'not available yet',
  async run() {
    console.error('kg remove: not available yet');
    return 2;
  },
};
