import type { App } from '../app.js';
import { discoverWorker } from './discover.js';
import { loadSources } from '../sources/load.js';

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
  // One discover worker per process: `pressline workers --stages discover` may have started it.
  const worker = app.workers.some((w) => w.name === 'discover') ? null : discoverWorker(app);
  if (worker) app.workers.push(worker);
  app.log.info(
    { sources: enabled.map((s) => ({ name: s.name, everyMs: s.interval })) },
    'discovery scheduled',
  );
  return async () => {
    await worker?.close();
  };
}
