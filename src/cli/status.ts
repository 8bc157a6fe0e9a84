import type { Command } from 'commander';
import { App } from '../app.js';
import { formatSinkHealth, sinkHealth } from '../queues/delivery-health.js';
import { redact, redactDeep } from '../redact.js';
import { loadSources } from '../sources/load.js';
import type { SourceHealth } from '../store/source-health.js';
import { loadRuntime } from './runtime.js';

const STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;

/** One line per discovery source: on or off, last run, items found, failures and next try. */
export function formatSources(rows: readonly SourceHealth[]): string[] {
  return rows.map((s) => {
    const head = `${s.name}${s.enabled ? '' : ' (off)'}: `;
    if (!s.lastRunAt) return `${head}not run yet`;
    const ran = `last run ${s.lastRunAt}, ${s.itemsFound ?? 0} item(s) found`;
    if (!s.lastError) return `${head}${ran}`;
    const next = s.nextTryAt ? `; next try ${s.nextTryAt}` : '; not retried';
    return `${head}${ran}; ${s.failures ?? 1} failure(s) in a row${next}; last error: ${s.lastError}`;
  });
}

export function register(program: Command): void {
  program
    .command('status')
    .description('print per-stage job counts, then each source and each sink (retrying, failed, next try)')
    .option('--json', 'print JSON: { queues, sources, sinks }')
    .addHelpText('after', '\nExample:\n  $ pressline status\n  $ pressline status --json')
    .action(async (opts: { json?: boolean }) => {
      const rt = loadRuntime();
      const app = await App.connect(rt.config, rt.log);
      try {
        const [queues, sources, sinks] = await Promise.all([
          Promise.all(
            app.queues.all().map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...STATES) })),
          ),
          app.stores.sources.all(() => loadSources(rt.config)),
          sinkHealth(app.queues.all(), app.connection),
        ]);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(redactDeep({ queues, sources, sinks }))}\n`);
          return;
        }
        const header = ['queue', ...STATES];
        const table = [
          header,
          ...queues.map((r) => [r.queue, ...STATES.map((s) => String(r.counts[s] ?? 0))]),
        ];
        const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
        const lines = table.map((row) =>
          row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '),
        );
        const section = (title: string, rows: string[]) =>
          `\n${title}\n${rows.map((l) => `  ${redact(l)}\n`).join('') || '  (none)\n'}`;
        process.stdout.write(
          `${lines.join('\n')}\n${section('sources', formatSources(sources))}${section('sinks', formatSinkHealth(sinks))}`,
        );
      } finally {
        await app.close();
      }
    });
}
