import type { Command } from 'commander';
import { loadConfig, settingsTable } from '../config.js';
import { redact } from '../redact.js';

const SECRET = /password|secret|token/i;

/** How a setting's value is printed: secrets as `(set)`, URLs redacted, lists comma-separated. */
function shown(env: string, value: unknown): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return '(unset)';
  if (SECRET.test(env)) return '(set)';
  return redact(Array.isArray(value) ? value.join(',') : String(value));
}

export function register(program: Command): void {
  program
    .command('config')
    .description('print every setting: its environment variable, default and current value')
    .addHelpText('after', '\nExample:\n  $ REDIS_URL=redis://cache:6379 pressline config')
    .action(() => {
      const config = loadConfig() as Record<string, unknown>;
      for (const row of settingsTable())
        process.stdout.write(
          `${row.env.padEnd(24)} ${shown(row.env, config[row.key]).padEnd(40)} ${row.doc}\n`,
        );
    });
}
