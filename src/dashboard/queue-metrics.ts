import { Gauge } from 'prom-client';
import type { App } from '../app.js';
import { registry } from '../metrics.js';
import { JOB_STATES } from './overview.js';

/** The pipelines whose queues are sampled on each scrape (one per dashboard in this process). */
const watched = new Set<App>();

/** Jobs in each queue by state, read from Redis when `/metrics` is scraped. */
export const queueDepth = new Gauge({
  name: 'pressline_queue_jobs',
  help: 'Jobs in each queue by state (waiting, active, completed, failed, delayed), sampled on scrape.',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const app of watched) {
      for (const queue of app.queues.all()) {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    }
  },
});

/** Documents whose last outcome is a final failure, sampled on scrape. */
export const documentsFailed = new Gauge({
  name: 'pressline_documents_failed',
  help: 'Documents that failed for good and wait for a retry, sampled on scrape.',
  registers: [registry],
  async collect() {
    let total = 0;
    for (const app of watched) total += await app.status.failedCount();
    this.set(total);
  },
});

/** Samples this pipeline's queues on scrape until the returned function is called. */
export function watchQueues(app: App): () => void {
  watched.add(app);
  return () => {
    watched.delete(app);
  };
}
