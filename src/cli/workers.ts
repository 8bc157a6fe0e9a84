import type { Command } from 'commander';
import { App } from '../app.js';
import { STAGES, type Stage } from '../stages/names.js';
import { ConfigError } from '../errors.js';
import { loadRuntime } from './runtime.js';
import { onShutdown } from './shutdown.js';

/** Parses `--stages fetch,clean` against the known worker groups. */
export function parseStages(value: string): Stage[] {
  const stages = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (unknown.length)
    throw new ConfigError(`--stages: unknown stage(s) ${unknown.join(', ')}; known: ${STAGES.join(', ')}`);
  return stages as Stage[];
}

export function register(program: Command): void {
  program
    .command('workers')
    .description(
      'run stage workers in this process (scale a stage out by running more of these, on any host)',
    )
    .option('--stages <list>', `comma-separated: ${STAGES.join(',')}`, STAGES.join(','))
    .option('--concurrency <n>', 'jobs each worker runs at once (default: CONCURRENCY)', (v) => Number(v))
    .addHelpText('after', '\nExample:\n  $ pressline workers --stages fetch --concurrency 8')
    .action(async (opts: { stages: string; concurrency?: number }) => {
      const rt = loadRuntime(opts.concurrency ? { concurrency: opts.concurrency } : {});
      const stages = parseStages(opts.stages);
      const app = await App.connect(rt.config, rt.log);
      app.startWorkers(stages);
      onShutdown(rt.log, () => app.close());
    });
}
