import type { Queue, Worker } from 'bullmq';
import type { Logger } from '../logger.js';
import type { SourceConfig } from '../sources/schema.js';

const PREFIX = 'source-';

export interface SchedulerDeps {
  /** The discover queue. */
  queue: Queue;
  /** The configured sources. */
  sources: readonly SourceConfig[];
  /** Starts this process's discover worker; null when one runs here already. */
  startWorker: () => Worker | null;
  log: Logger;
}

/** Upserts one BullMQ Job Scheduler per enabled source and starts the discover worker. Returns a stopper. */
export async function startDiscovery(deps: SchedulerDeps): Promise<() => Promise<void>> {
  const { queue } = deps;
  const enabled = deps.sources.filter((s) => s.enabled);
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
  const worker = deps.startWorker();
  deps.log.info(
    { sources: enabled.map((s) => ({ name: s.name, everyMs: s.interval })) },
    'discovery scheduled',
  );
  return async () => {
    await worker?.close();
  };
}
