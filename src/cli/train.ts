import type { Command } from '../cli.js';

export const command: Command = {
  summary: '(not built yet)',
  usage: 'prodigy train: not built yet',
  async run() {
    throw new Error('the train command is not built yet');
  },
};
