#!/usr/bin/env node
import { Command } from 'commander';
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
  sync: () => import('./cli/sync.js'),
  sources: () => import('./cli/sources.js'),
  migrate: () => import('./cli/migrate.js'),
  export: () => import('./cli/export.js'),
  schema: () => import('./cli/schema.js'),
  config: () => import('./cli/config.js'),
};

const EXAMPLES = `
Examples:
  $ pressline start --ingest examples/                 the main job, ingesting the samples
  $ pressline ingest examples/ https://www.eeas.europa.eu/eeas/some-remarks_en
  $ pressline process examples/ecb-press-conference.txt --jsonl
  $ pressline workers --stages fetch --concurrency 8
  $ pressline status
  $ pressline dashboard
  $ pressline backfill --source ec-presscorner --from 2025-01-01 --to 2025-03-31
  $ pressline reprocess --all --from-stage clean
  $ pressline sources validate
  $ DATABASE_URL=postgres://localhost/archive pressline sync pg
  $ DATABASE_URL=postgres://localhost/archive pressline migrate
  $ pressline export --since 2025-01-01 --format csv > records.csv
  $ pressline schema > record.schema.json
  $ pressline config

Each command's --help shows its options.`;

async function main(): Promise<void> {
  const program = new Command('pressline')
    .description('Ingest EU press remarks into structured, versioned records.')
    .version(PIPELINE_VERSION)
    .showHelpAfterError()
    .addHelpText('after', EXAMPLES);
  // Load only the command asked for: `pressline process` starts without loading BullMQ, express or pg.
  const asked = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const names = asked && asked in COMMANDS ? [asked] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!()).register(program);
  await program.parseAsync();
}

main().catch(async (err: unknown) => {
  const { oneLine, showStacks } = await import('./cli/runtime.js');
  const { redact } = await import('./redact.js');
  process.stderr.write(`${oneLine(err)}\n`);
  if (showStacks() && err instanceof Error && err.stack) process.stderr.write(`${redact(err.stack)}\n`);
  process.exitCode = 1;
});
