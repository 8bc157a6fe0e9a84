import type { Command } from 'commander';
import { App } from '../app.js';
import { ConfigError } from '../errors.js';
import { loadSources, sourceNamed } from '../sources/load.js';
import { runDiscovery } from '../stages/discover-run.js';
import type { SourceConfig } from '../sources/schema.js';
import { Progress } from './progress.js';
import { loadRuntime } from './runtime.js';

const DAY = 86_400_000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Days per window: the Press Corner searches a week at a time, listings a month, feeds and sitemaps all at once. */
export const windowDays = (s: SourceConfig): number =>
  s.type === 'presscorner' ? 7 : s.type === 'eeas' ? 31 : Number.POSITIVE_INFINITY;

/** Splits [from, to] (inclusive days) into consecutive windows of at most `days`. */
export function windows(from: string, to: string, days: number): { from: string; to: string }[] {
  if (!isoDay.test(from) || Number.isNaN(Date.parse(from)))
    throw new ConfigError(`--from ${from}: expected a date YYYY-MM-DD`);
  if (!isoDay.test(to) || Number.isNaN(Date.parse(to)))
    throw new ConfigError(`--to ${to}: expected a date YYYY-MM-DD`);
  if (from > to) throw new ConfigError(`--from ${from} is after --to ${to}`);
  const out: { from: string; to: string }[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end;) {
    const next = Number.isFinite(days) ? Math.min(end, t + (days - 1) * DAY) : end;
    out.push({ from: new Date(t).toISOString().slice(0, 10), to: new Date(next).toISOString().slice(0, 10) });
    t = next + DAY;
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('backfill')
    .description(
      "walk a source's history by date window and queue every item not ingested yet (workers fetch them)",
    )
    .requiredOption('--source <name>', 'a source of the sources file (or a built-in one)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: today)')
    .addHelpText(
      'after',
      '\nExample:\n  $ pressline backfill --source ec-presscorner --from 2025-01-01 --to 2025-03-31',
    )
    .action(async (opts: { source: string; from: string; to?: string }) => {
      const rt = loadRuntime();
      const source = sourceNamed(await loadSources(rt.config), opts.source);
      const spans = windows(opts.from, opts.to ?? new Date().toISOString().slice(0, 10), windowDays(source));
      const app = await App.connect(rt.config, rt.log);
      const client = app.stageContext(rt.log).fetch.client;
      const progress = new Progress(spans.length);
      let done = 0;
      let failed = 0;
      let queued = 0;
      let found = 0;
      try {
        for (const w of spans) {
          try {
            const r = await runDiscovery(
              source,
              {
                client,
                seen: app.stores.seen,
                listings: null,
                enqueue: (i) => app.enqueue(i),
                now: () => new Date(),
                log: rt.log,
              },
              w,
            );
            found += r.found;
            queued += r.queued;
            done++;
          } catch (err) {
            failed++;
            rt.log.error(
              { source: source.name, window: w, err: (err as Error).message },
              'backfill window failed',
            );
          }
          progress.update(done, failed, `${w.from}…${w.to} · ${found} found · ${queued} queued`);
        }
      } finally {
        progress.end();
        await app.close();
      }
      process.stdout.write(
        `${source.name}: ${spans.length} window(s), ${found} item(s) found, ${queued} queued for fetching${failed ? `, ${failed} window(s) failed (see the log)` : ''}\n`,
      );
      if (failed) process.exitCode = 1;
    });
}
