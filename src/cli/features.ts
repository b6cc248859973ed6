import type { Command } from '../cli.js';

export const command: Command = {
  summary: '(not built yet)',
  usage: 'prodigy features: not built yet',
  async run() {
    throw new Error('the features command is not built yet');
  },
};
