import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { ConfigError } from '../errors.js';
import { CSV_COLUMNS, csvLine, exportRecords } from '../sinks/pg-export.js';
import { PostgresSink } from '../sinks/postgres.js';
import { sinkWhere } from '../sinks/index.js';
import { failedAt, loadRuntime } from './runtime.js';

/** `2025-01-01` or an ISO date-time, else a ConfigError naming the option. */
export function parseSince(value: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
    throw new ConfigError(
      `--since ${JSON.stringify(value)}: expected a date (2025-01-31) or an ISO date-time (2025-01-31T12:00:00Z).`,
    );
  }
  return d;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('read records back from the PostgreSQL archive (DATABASE_URL), to feed another archive')
    .requiredOption('--since <date>', 'records stored on or after this date or ISO date-time')
    .option('--format <format>', 'jsonl (whole records) or csv (metadata)', 'jsonl')
    .option(
      '--by <field>',
      "`published`: when the version was stored; `date`: the record's own date",
      'published',
    )
    .option('--latest', 'only the latest version of each record')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ pressline export --since 2025-01-01 > records.jsonl\n  $ pressline export --since 2025-06-01 --format csv --latest --out june.csv',
    )
    .action(async (opts: { since: string; format: string; by: string; latest?: boolean; out?: string }) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv')
        throw new ConfigError(`--format ${JSON.stringify(opts.format)}: expected jsonl or csv.`);
      if (opts.by !== 'published' && opts.by !== 'date')
        throw new ConfigError(`--by ${JSON.stringify(opts.by)}: expected published or date.`);
      const since = parseSince(opts.since);
      const { config, log } = loadRuntime({ logLevel: 'warn' });
      if (!config.databaseUrl)
        throw new ConfigError('DATABASE_URL is not set: `export` reads the PostgreSQL archive.');
      const pg = new PostgresSink({ connectionString: config.databaseUrl, log, poolSize: 1 });
      const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      const write = async (s: string) => {
        if (!out.write(s)) await once(out, 'drain');
      };
      let count = 0;
      try {
        if (opts.format === 'csv') await write(`${CSV_COLUMNS.join(',')}\n`);
        for await (const row of exportRecords(pg.pool, {
          since,
          field: opts.by,
          latest: opts.latest ?? false,
        })) {
          await write(opts.format === 'csv' ? csvLine(row) : `${JSON.stringify(row.record)}\n`);
          count++;
        }
      } catch (err) {
        throw failedAt(`PostgreSQL at ${sinkWhere(config, 'pg')}`, err);
      } finally {
        await pg.close();
        if (opts.out) {
          out.end();
          await once(out, 'finish');
        }
      }
      process.stderr.write(`exported ${count} record version(s)\n`);
    });
}
