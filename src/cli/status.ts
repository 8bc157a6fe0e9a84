import type { Command } from 'commander';
import { App } from '../app.js';
import { formatSinkHealth, sinkHealth } from '../queues/delivery-health.js';
import { redact } from '../redact.js';
import { loadRuntime } from './runtime.js';

const STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;

export function register(program: Command): void {
  program
    .command('status')
    .description('print per-stage job counts (waiting, active, completed, failed, delayed)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ pressline status')
    .action(async (opts: { json?: boolean }) => {
      const rt = loadRuntime();
      const app = await App.connect(rt.config, rt.log);
      try {
        const rows = await Promise.all(
          app.queues.all().map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...STATES) })),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(rows)}\n`);
          return;
        }
        const header = ['queue', ...STATES];
        const table = [header, ...rows.map((r) => [r.queue, ...STATES.map((s) => String(r.counts[s] ?? 0))])];
        const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
        for (const row of table)
          process.stdout.write(
            `${row.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}\n`,
          );
        process.stdout.write(
          `\nsinks\n${formatSinkHealth(await sinkHealth(app.queues.all()))
            .map((l) => `  ${redact(l)}\n`)
            .join('')}`,
        );
      } finally {
        await app.close();
      }
    });
}
