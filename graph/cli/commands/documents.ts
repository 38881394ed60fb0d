import type { Command } from '../command.ts';

export const documentsCommand: Command = {
  name: 'documents',
  summary: 'not available yet',
  async run() {
    console.error('kg documents: not available yet');
    return 2;
  },
};
