import type { Command } from '../cli.js';

export const command: Command = {
  summary: '(not built yet)',
  usage: 'prodigy ingest: not built yet',
  async run() {
    throw new Error('the ingest command is not built yet');
  },
};
