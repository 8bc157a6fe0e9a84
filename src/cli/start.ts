import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import { App } from '../app.js';
import { watchInbox } from '../inbox.js';
import { resolveInputs, type Input } from '../inputs.js';
import { awaitDocuments } from '../store/await-docs.js';
import { assertSafeBind } from '../dashboard/security.js';
import { startDashboard } from '../dashboard/server.js';
import { prepareSinks } from '../sinks/index.js';
import { loadSources } from '../sources/load.js';
import { startDiscovery } from '../workers/scheduler.js';
import { loadRuntime } from './runtime.js';
import { onShutdown } from './shutdown.js';

export function register(program: Command): void {
  program
    .command('start')
    .description(
      'the main job: workers for every stage, the dashboard, discovery, and the ./inbox folder watched',
    )
    .option(
      '--ingest <paths...>',
      'also ingest these files or folders at start (the quick start uses examples/)',
    )
    .addHelpText('after', '\nExample:\n  $ pressline start --ingest examples/')
    .action(async (opts: { ingest?: string[] }) => {
      const rt = loadRuntime();
      const { config, log } = rt;
      // Refused before anything starts: a refusal must end the process, not leave workers headless.
      assertSafeBind(config);
      await prepareSinks(config, log);
      const app = await App.connect(config, log);
      app.startWorkers();
      const dashboard = await startDashboard(app).catch(async (err: unknown) => {
        await app.close();
        throw err;
      });
      const stopDiscovery = config.discovery
        ? await startDiscovery({
            queue: app.queues.get('discover'),
            sources: await loadSources(config),
            startWorker: () => app.startDiscoverWorker(),
            log,
          })
        : async () => {};
      const enqueue = (input: Input) => app.enqueue(input);
      const stopInbox = watchInbox(config.inboxDir, enqueue, log, { maxBytes: config.inputMaxBytes });
      const archive = resolve(join(config.dataDir, 'archive'));
      log.info({ dashboard: dashboard.url, inbox: resolve(config.inboxDir), archive }, 'pressline started');
      process.stderr.write(
        `Pressline is running. Dashboard: ${dashboard.url} · inbox: ${resolve(config.inboxDir)} · archive: ${archive}\n`,
      );
      if (opts.ingest?.length) {
        const inputs = await resolveInputs(opts.ingest, { maxBytes: config.inputMaxBytes });
        const queued: string[] = [];
        for (const input of inputs) if ((await enqueue(input)) !== 'unchanged') queued.push(input.job.docId);
        if (queued.length < inputs.length)
          process.stderr.write(
            `${inputs.length - queued.length} input(s) unchanged since an earlier run: already in ${archive}\n`,
          );
        if (queued.length) void reportWhenDone(app, queued, archive);
      }
      onShutdown(log, async () => {
        stopInbox();
        await stopDiscovery();
        await dashboard.close();
        await app.close();
      });
    });
}

/** Says, in one line, where the records of the inputs given with `--ingest` went once they are all done. */
async function reportWhenDone(app: App, docIds: string[], archive: string): Promise<void> {
  const states = await awaitDocuments(app.status, docIds, { timeoutMs: 30 * 60_000, pollMs: 500 });
  const published = [...states.values()].filter((s) => s?.state === 'published').length;
  const failed = docIds.length - published;
  process.stderr.write(
    `${published} of ${docIds.length} input(s) published to ${archive}${failed ? ` · ${failed} not published: see the dashboard` : ''}\n`,
  );
}
