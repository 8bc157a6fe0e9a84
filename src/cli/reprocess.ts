import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { App } from '../app.js';
import { ConfigError, PermanentError } from '../errors.js';
import { bodyText } from '../extract/bytes.js';
import { jobIdFor } from '../ids.js';
import type { CleanJob } from '../schemas/jobs.js';
import type { FetchEntry } from '../store/fetch-index.js';
import type { RawStore } from '../store/raw-store.js';
import { Progress } from './progress.js';
import { loadRuntime } from './runtime.js';

/** A clean job rebuilt from a stored raw snapshot: the record is derived again without a request. */
export async function cleanJobFromSnapshot(
  entry: FetchEntry,
  raw: RawStore,
  traceId: string = randomUUID(),
): Promise<CleanJob> {
  const bytes = await raw.get(entry.rawSha256);
  if (!bytes)
    throw new PermanentError(
      'ERR_RAW_MISSING',
      `${entry.docId}: raw snapshot ${entry.rawSha256} is not in the raw store`,
    );
  const read = await bodyText(bytes, entry.contentType, entry.url ?? entry.path);
  return {
    docId: entry.docId,
    traceId,
    stages: {},
    source: {
      url: entry.url,
      path: entry.path,
      site: entry.site,
      fetchedAt: entry.fetchedAt,
      contentType: read.contentType,
      rawSha256: entry.rawSha256,
    },
    body: read.body,
  };
}

/**
 * Sends one record back into the pipeline: from `clean`, a clean job rebuilt from its raw
 * snapshot; from `fetch`, a fetch job that asks the site again.
 */
async function requeue(app: App, docId: string, fromStage: 'clean' | 'fetch'): Promise<void> {
  const entry = await app.stores.fetched.get(docId);
  if (!entry)
    throw new PermanentError(
      'ERR_NOT_FETCHED',
      `${docId}: no raw snapshot is recorded for this id (was it fetched by a worker?)`,
    );
  const traceId = randomUUID();
  if (fromStage === 'fetch') {
    if (!entry.url)
      throw new PermanentError('ERR_NO_URL', `${docId}: came from a file, not a URL; ingest the file again`);
    await app.enqueue({
      label: docId,
      variant: `reprocess:${traceId}`,
      job: {
        docId,
        traceId,
        stages: {},
        target: {
          kind: 'url',
          url: entry.url,
          site: entry.site,
          ...(entry.source ? { source: entry.source } : {}),
        },
      },
    });
    return;
  }
  const job = await cleanJobFromSnapshot(entry, app.raw, traceId);
  await app.status.queued(docId, { traceId, label: `reprocess ${docId}` });
  await app.queues.get('clean').add('clean', job, { jobId: jobIdFor('clean', docId, traceId) });
}

export function register(program: Command): void {
  program
    .command('reprocess')
    .description(
      'derive records again from their raw snapshots (after an extractor or pipeline change), without refetching',
    )
    .argument('[id]', 'a record id, e.g. ec-presscorner:speech_26_1765')
    .option('--all', 'every record that has a raw snapshot')
    .option('--from-stage <stage>', 'clean (from the snapshot) or fetch (ask the site again)', 'clean')
    .addHelpText(
      'after',
      '\nExamples:\n  $ pressline reprocess eeas:some-remarks_en\n  $ pressline reprocess --all',
    )
    .action(async (id: string | undefined, opts: { all?: boolean; fromStage: string }) => {
      if (!id && !opts.all) throw new ConfigError('give a record id or --all');
      if (opts.fromStage !== 'clean' && opts.fromStage !== 'fetch')
        throw new ConfigError(`--from-stage ${opts.fromStage}: expected clean or fetch`);
      const rt = loadRuntime();
      const fromStage = opts.fromStage;
      const app = await App.connect(rt.config, rt.log);
      try {
        const ids = opts.all ? await app.stores.fetched.ids() : [id as string];
        const progress = new Progress(ids.length);
        let done = 0;
        let failed = 0;
        for (const docId of ids) {
          try {
            await requeue(app, docId, fromStage);
            done++;
          } catch (err) {
            failed++;
            process.stderr.write(`pressline: ${(err as Error).message}\n`);
          }
          progress.update(done, failed);
        }
        progress.end();
        process.stdout.write(
          `${done} record(s) queued from stage ${opts.fromStage}${failed ? `, ${failed} failed` : ''}; running workers publish the new versions\n`,
        );
        if (failed) process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
}
