import type { Command } from 'commander';
import { loadConfig, settingsTable } from '../config.js';

const SECRET = /password|secret|token|url/i;

export function register(program: Command): void {
  program
    .command('config')
    .description('print every setting: its environment variable, default and current value')
    .addHelpText('after', '\nExample:\n  $ REDIS_URL=redis://cache:6379 pressline config')
    .action(() => {
      const config = loadConfig() as Record<string, unknown>;
      for (const row of settingsTable()) {
        const value = config[row.key];
        const shown =
          value === undefined
            ? '(unset)'
            : SECRET.test(row.env) && row.env !== 'REDIS_URL'
              ? '(set)'
              : String(value);
        process.stdout.write(`${row.env.padEnd(24)} ${shown.padEnd(40)} ${row.doc}\n`);
      }
    });
}
