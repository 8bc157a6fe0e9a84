#!/usr/bin/env node
import { Command } from 'commander';
import { PresslineError } from './errors.js';
import { PIPELINE_VERSION } from './version.js';
import * as processCmd from './cli/process.js';
import * as schemaCmd from './cli/schema.js';
import * as ingestCmd from './cli/ingest.js';
import * as workersCmd from './cli/workers.js';
import * as startCmd from './cli/start.js';
import * as statusCmd from './cli/status.js';
import * as backfillCmd from './cli/backfill.js';
import * as reprocessCmd from './cli/reprocess.js';
import * as migrateCmd from './cli/migrate.js';
import * as exportCmd from './cli/export.js';
import * as dashboardCmd from './cli/dashboard.js';
import * as configCmd from './cli/config.js';

const program = new Command('pressline')
  .description('Ingest EU press remarks into structured, versioned records.')
  .version(PIPELINE_VERSION)
  .showHelpAfterError();

for (const cmd of [startCmd, ingestCmd, processCmd, workersCmd, statusCmd, dashboardCmd, schemaCmd, configCmd]) cmd.register(program);
for (const cmd of [migrateCmd, exportCmd]) cmd.register(program);

for (const cmd of [backfillCmd, reprocessCmd]) cmd.register(program);

program.parseAsync().catch((err: unknown) => {
  const code = err instanceof PresslineError ? ` [${err.code}]` : '';
  process.stderr.write(`pressline${code}: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
