import type { App } from '../app.js';
import type { DocStatus } from '../queues/doc-status.js';
import { discoverSpec } from '../workers/discover.js';
import { createWorker } from '../workers/worker.js';
import { loadSources } from './load.js';

const PREFIX = 'source-';

/** Upserts one BullMQ Job Scheduler per enabled source and starts the discover worker. Returns a stopper. */
export async function startDiscovery(app: App): Promise<() => Promise<void>> {
  const sources = await loadSources(app.config);
  const queue = app.queues.get('discover');
  const enabled = sources.filter((s) => s.enabled);
  for (const s of enabled) {
    await queue.upsertJobScheduler(
      `${PREFIX}${s.name}`,
      { every: s.interval },
      { name: 'discover', data: { source: s.name }, opts: { attempts: 1 } },
    );
  }
  // A source removed or disabled in the sources file stops being scheduled.
  for (const js of await queue.getJobSchedulers()) {
    const key = js.key;
    if (key.startsWith(PREFIX) && !enabled.some((s) => `${PREFIX}${s.name}` === key))
      await queue.removeJobScheduler(key);
  }
  const ctx = app.stageContext(app.log);
  // Discover jobs are about sources, not documents: they keep no document status.
  const noStatus = { stage: async () => {} } as unknown as DocStatus;
  const worker = createWorker(
    discoverSpec({
      config: app.config,
      queues: app.queues,
      status: app.status,
      client: ctx.fetch.client,
      sources,
    }),
    { config: app.config, connection: app.connection, status: noStatus, log: app.log },
    { concurrency: 2 },
  );
  app.workers.push(worker);
  app.log.info(
    { sources: enabled.map((s) => ({ name: s.name, everyMs: s.interval })) },
    'discovery scheduled',
  );
  return async () => {
    await worker.close();
  };
}
