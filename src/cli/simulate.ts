import type { Command } from '../cli.js';

export const command: Command = {
  summary: '(not built yet)',
  usage: 'prodigy simulate: not built yet',
  async run() {
    throw new Error('the simulate command is not built yet');
  },
};
