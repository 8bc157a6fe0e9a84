import type { Command } from 'commander';
import { ConfigError } from '../errors.js';
import { PostgresSink } from '../sinks/postgres.js';
import { sinkWhere } from '../sinks/index.js';
import { failedAt, loadRuntime } from './runtime.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('create or update the PostgreSQL archive tables at DATABASE_URL (`start` runs this first)')
    .addHelpText('after', '\nExample:\n  $ DATABASE_URL=postgres://localhost/pressline pressline migrate')
    .action(async () => {
      const { config, log } = loadRuntime();
      if (!config.databaseUrl)
        throw new ConfigError('DATABASE_URL is not set: there is no PostgreSQL archive to migrate.');
      const pg = new PostgresSink({ connectionString: config.databaseUrl, log, poolSize: 1 });
      try {
        const applied = await pg.migrate();
        process.stdout.write(
          applied.length
            ? applied.map((m) => `applied ${m.id}: ${m.name}\n`).join('')
            : 'the schema is up to date\n',
        );
      } catch (err) {
        throw failedAt(`PostgreSQL at ${sinkWhere(config, 'pg')}`, err);
      } finally {
        await pg.close();
      }
    });
}
