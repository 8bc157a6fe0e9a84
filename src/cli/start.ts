import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import { App } from '../app.js';
import { watchInbox } from '../inbox.js';
import { resolveInputs } from '../inputs.js';
import { enqueueFetch } from '../queues/producer.js';
import { startDashboard } from '../dashboard/server.js';
import { prepareSinks } from '../sinks/index.js';
import { startDiscovery } from '../sources/scheduler.js';
import { loadRuntime } from './runtime.js';
import { onShutdown } from './shutdown.js';

export function register(program: Command): void {
  program
    .command('start')
    .description('the main job: workers for every stage, the dashboard, discovery, and the ./inbox folder watched')
    .option('--ingest <paths...>', 'also ingest these files or folders at start (the quick start uses examples/)')
    .addHelpText('after', '\nExample:\n  $ pressline start --ingest examples/')
    .action(async (opts: { ingest?: string[] }) => {
      const rt = loadRuntime();
      const { config, log } = rt;
      await prepareSinks(config, log);
      const app = await App.connect(config, log, rt.stageContext);
      app.startWorkers();
      const dashboard = await startDashboard(app);
      const stopDiscovery = config.discovery ? await startDiscovery(app) : async () => {};
      const enqueue = (input: Parameters<typeof enqueueFetch>[2]) => enqueueFetch(app.queues, app.status, input);
      const stopInbox = watchInbox(config.inboxDir, enqueue, log);
      log.info({ dashboard: dashboard.url, inbox: resolve(config.inboxDir), archive: resolve(join(config.dataDir, 'archive')) }, 'pressline started');
      if (opts.ingest?.length) {
        const inputs = await resolveInputs(opts.ingest);
        for (const input of inputs) await enqueue(input);
        log.info({ count: inputs.length, archive: resolve(join(config.dataDir, 'archive')) }, 'inputs queued; records will appear in the archive');
      }
      onShutdown(log, async () => {
        stopInbox();
        await stopDiscovery();
        await dashboard.close();
        await app.close();
      });
    });
}
