#!/usr/bin/env node
import { Command } from 'commander';
import { PresslineError } from './errors.js';
import { PIPELINE_VERSION } from './version.js';

interface CommandModule {
  register(program: Command): void;
}

/** Every command, in the order `--help` lists them; each module is loaded only when needed. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./cli/start.js'),
  ingest: () => import('./cli/ingest.js'),
  process: () => import('./cli/process.js'),
  workers: () => import('./cli/workers.js'),
  status: () => import('./cli/status.js'),
  dashboard: () => import('./cli/dashboard.js'),
  backfill: () => import('./cli/backfill.js'),
  reprocess: () => import('./cli/reprocess.js'),
  migrate: () => import('./cli/migrate.js'),
  export: () => import('./cli/export.js'),
  schema: () => import('./cli/schema.js'),
  config: () => import('./cli/config.js'),
};

async function main(): Promise<void> {
  const program = new Command('pressline')
    .description('Ingest EU press remarks into structured, versioned records.')
    .version(PIPELINE_VERSION)
    .showHelpAfterError();
  // Load only the command asked for: `pressline process` starts without loading BullMQ, express or pg.
  const asked = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const names = asked && asked in COMMANDS ? [asked] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!()).register(program);
  await program.parseAsync();
}

main().catch((err: unknown) => {
  const code = err instanceof PresslineError ? ` [${err.code}]` : '';
  process.stderr.write(`pressline${code}: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
