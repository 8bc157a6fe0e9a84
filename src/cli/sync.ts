import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { App } from '../app.js';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PressRecord } from '../schemas/record.js';
import { createSinks, sinkNames, sinkWhere, type Sink } from '../sinks/index.js';
import { exportRecords } from '../sinks/pg-export.js';
import { PostgresSink } from '../sinks/postgres.js';
import { Progress } from './progress.js';
import { ARCHIVE_NAMES } from './deliveries.js';
import { failedAt, loadRuntime } from './runtime.js';

/** Where `sync` reads records from: an archive's every stored version, oldest first. */
interface Origin {
  count(): Promise<number>;
  records(): AsyncGenerator<PressRecord>;
  close(): Promise<void>;
}

/** The JSON Lines archive: its files in date order, each line a record (a torn line is skipped). */
function jsonlOrigin(dir: string): Origin {
  const files = async () => {
    try {
      return (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
    } catch {
      throw new ConfigError(`There is no JSON Lines archive at ${dir} (DATA_DIR) to sync from.`);
    }
  };
  async function* lines(): AsyncGenerator<string> {
    for (const f of await files())
      for await (const line of createInterface({
        input: createReadStream(join(dir, f)),
        crlfDelay: Infinity,
      }))
        if (line.trim()) yield line;
  }
  return {
    async count() {
      let n = 0;
      for await (const _ of lines()) n++;
      return n;
    },
    async *records() {
      for await (const line of lines()) {
        const parsed = PressRecord.safeParse(JSON.parse(line));
        if (parsed.success) yield parsed.data;
      }
    },
    close: async () => {},
  };
}

/** The PostgreSQL archive: every stored version, oldest stored first. */
function pgOrigin(config: Config, log: Logger): Origin {
  if (!config.databaseUrl) throw new ConfigError('--from pg: DATABASE_URL is not set.');
  const pg = new PostgresSink({ connectionString: config.databaseUrl, log, poolSize: 1 });
  return {
    async count() {
      return Number((await pg.pool.query('SELECT count(*) AS n FROM records')).rows[0].n);
    },
    async *records() {
      for await (const row of exportRecords(pg.pool, {
        since: new Date(0),
        field: 'published',
        latest: false,
      }))
        yield row.record;
    },
    close: () => pg.close(),
  };
}

/**
 * Delivers every record of `origin` to `sink`, `batch` at a time. Sinks are idempotent on
 * (id, version): what the archive has already is counted as a duplicate and left alone.
 */
export async function syncArchive(
  origin: AsyncIterable<PressRecord>,
  sink: Sink,
  onProgress: (done: number, written: number) => void,
  batch = 200,
): Promise<{ done: number; written: number }> {
  let done = 0;
  let written = 0;
  let pending: PressRecord[] = [];
  const flush = async () => {
    const outcomes = sink.deliverMany
      ? await sink.deliverMany(pending)
      : await Promise.all(pending.map((r) => sink.deliver(r)));
    done += pending.length;
    written += outcomes.filter((o) => o === 'written').length;
    pending = [];
    onProgress(done, written);
  };
  for await (const record of origin) {
    pending.push(record);
    if (pending.length >= batch) await flush();
  }
  if (pending.length) await flush();
  return { done, written };
}

export function register(program: Command): void {
  program
    .command('sync')
    .description('fill an archive added later (pg, webhook) from another archive, with a progress bar')
    .argument('<sink>', 'the archive to fill: pg, webhook or jsonl')
    .option('--from <archive>', 'read from this archive: jsonl (DATA_DIR/archive) or pg', 'jsonl')
    .addHelpText(
      'after',
      '\nEvery stored version is sent once; what the archive has already is left alone.\n' +
        '\nExamples:\n  $ DATABASE_URL=postgres://localhost/archive pressline sync pg\n  $ pressline sync jsonl --from pg',
    )
    .action(async (target: string, opts: { from: string }) => {
      const { config, log } = loadRuntime();
      const names = sinkNames(config);
      if (!names.includes(target))
        throw new ConfigError(
          `No archive "${target}" is configured; configured: ${names.join(', ')} (pg needs DATABASE_URL, webhook WEBHOOK_URL).`,
        );
      if (opts.from !== 'jsonl' && opts.from !== 'pg')
        throw new ConfigError(`--from ${JSON.stringify(opts.from)}: expected jsonl or pg.`);
      if (opts.from === target) throw new ConfigError(`--from ${opts.from}: that is the archive to fill.`);
      const origin =
        opts.from === 'pg' ? pgOrigin(config, log) : jsonlOrigin(join(config.dataDir, 'archive'));
      // The webhook keeps its ledger in Redis (nothing POSTed twice): it syncs through the App.
      const app = target === 'webhook' ? await App.connect(config, log) : null;
      const sinks = app ? app.sinks : createSinks(config, log).filter((s) => s.name === target);
      const sink = sinks.find((s) => s.name === target)!;
      try {
        const total = await origin.count();
        const progress = new Progress(total, process.stderr, 'sent');
        const { done, written } = await syncArchive(origin.records(), sink, (d) => progress.update(d, 0));
        progress.end();
        process.stderr.write(
          `${target} (${sinkWhere(config, target)}): ${written} record version(s) written, ${done - written} already there, from ${opts.from}.\n`,
        );
      } catch (err) {
        throw failedAt(`${ARCHIVE_NAMES[target] ?? target} at ${sinkWhere(config, target)}`, err);
      } finally {
        await origin.close();
        if (app) await app.close();
        else await Promise.all(sinks.map((s) => s.close()));
      }
    });
}
