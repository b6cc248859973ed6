import type { Command } from '../cli.js';

export const command: Command = {
  summary: '(not built yet)',
  usage: 'prodigy reproduce: not built yet',
  async run() {
    throw new Error('the reproduce command is not built yet');
  },
};
