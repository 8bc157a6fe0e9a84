import type { Command } from 'commander';
import { App, WORKER_STAGES, type WorkerStage } from '../app.js';
import { ConfigError } from '../errors.js';
import { loadRuntime } from './runtime.js';
import { onShutdown } from './shutdown.js';

/** Parses `--stages fetch,clean` against the known worker groups. */
export function parseStages(value: string): WorkerStage[] {
  const stages = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = stages.filter((s) => !(WORKER_STAGES as readonly string[]).includes(s));
  if (unknown.length)
    throw new ConfigError(
      `--stages: unknown stage(s) ${unknown.join(', ')}; known: ${WORKER_STAGES.join(', ')}`,
    );
  return stages as WorkerStage[];
}

export function register(program: Command): void {
  program
    .command('workers')
    .description(
      'run stage workers in this process (scale a stage out by running more of these, on any host)',
    )
    .option('--stages <list>', `comma-separated: ${WORKER_STAGES.join(',')}`, WORKER_STAGES.join(','))
    .option('--concurrency <n>', 'jobs each worker runs at once (default: CONCURRENCY)', (v) => Number(v))
    .addHelpText('after', '\nExample:\n  $ pressline workers --stages fetch --concurrency 8')
    .action(async (opts: { stages: string; concurrency?: number }) => {
      const rt = loadRuntime(opts.concurrency ? { concurrency: opts.concurrency } : {});
      const stages = parseStages(opts.stages);
      const app = await App.connect(rt.config, rt.log, rt.stageContext);
      app.startWorkers(stages);
      onShutdown(rt.log, () => app.close());
    });
}
