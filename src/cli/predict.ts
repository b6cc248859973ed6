import type { Command } from '../cli.js';

export const command: Command = {
  summary: '(not built yet)',
  usage: 'prodigy predict: not built yet',
  async run() {
    throw new Error('the predict command is not built yet');
  },
};
