import { z } from 'zod';
import type { Config } from '../config.js';
import { PresslineError } from '../errors.js';
import type { HttpClient } from '../fetch/http.js';
import type { Logger } from '../logger.js';
import type { DocStatus } from '../store/doc-status.js';
import { redisKey } from '../queues/names.js';
import { enqueueFetch } from '../queues/producer.js';
import type { Queues } from '../queues/queues.js';
import { recordFailure, recordOk } from '../store/source-health.js';
import { ListingValidators } from '../store/listing-cache.js';
import { runDiscovery } from '../stages/discover-run.js';
import type { SourceConfig } from '../sources/schema.js';
import { SeenStore } from '../store/seen-store.js';
import type { Worker } from 'bullmq';
import type { App } from '../app.js';
import { loadSources } from '../sources/load.js';
import { createWorker, type WorkerOptions, type WorkerSpec } from './worker.js';

/** A discover job: run one source now (from its Job Scheduler, or a retry after a failure). */
export const DiscoverJob = z.object({ source: z.string().min(1), retry: z.boolean().optional() });
export type DiscoverJob = z.infer<typeof DiscoverJob>;

/** The first retry of an unreachable source after 30 s, doubling, never later than its interval. */
export const retryDelayMs = (failures: number, intervalMs: number): number =>
  Math.min(intervalMs, 30_000 * 2 ** Math.min(failures - 1, 10)) + Math.round(Math.random() * 1000);

export interface DiscoverDeps {
  config: Config;
  queues: Queues;
  status: DocStatus;
  client: HttpClient;
  /** The configured sources (read once, on the first job). */
  sources: () => Promise<readonly SourceConfig[]>;
}

/**
 * The discover worker: runs a source's discovery and records its health. A source that
 * cannot be reached is logged in one line, shown on the dashboard, and tried again with
 * backoff (a delayed one-off job) while its scheduler keeps its interval.
 */
export function discoverSpec(deps: DiscoverDeps): WorkerSpec<DiscoverJob> {
  const redis = deps.queues.connection;
  const seen = new SeenStore(redis, redisKey(deps.config, 'seen'));
  const listings = new ListingValidators(redis, redisKey(deps.config, 'listing'));
  let sources: Promise<readonly SourceConfig[]> | null = null;
  return {
    queue: 'discover',
    stage: 'discover',
    input: DiscoverJob,
    docIdOf: () => undefined,
    async handle(input, _job, log: Logger) {
      sources ??= deps.sources();
      const source = (await sources).find((s) => s.name === input.source);
      if (!source || !source.enabled) {
        log.warn(
          { source: input.source },
          'discover job for a source that is not configured or not enabled: skipped',
        );
        return;
      }
      try {
        const r = await runDiscovery(source, {
          client: deps.client,
          seen,
          listings,
          enqueue: (i) => enqueueFetch(deps.queues, deps.status, i),
          now: () => new Date(),
          log,
        });
        await recordOk(redis, deps.config, source.name, r);
        log.info({ source: source.name, ...r }, 'discovery run');
      } catch (err) {
        const code = err instanceof PresslineError ? err.code : 'ERR_UNEXPECTED';
        const message = (err as Error).message.split('\n')[0] ?? '';
        const { failures, nextTryAt } = await recordFailure(
          redis,
          deps.config,
          source.name,
          `${code}: ${message}`,
          (n) => retryDelayMs(n, source.interval),
        );
        log.warn(
          { source: source.name, code, failures, nextTryAt: nextTryAt.toISOString() },
          `source ${source.name} unreachable: ${message}; trying again at ${nextTryAt.toISOString()}`,
        );
        await deps.queues.get('discover').add(
          'discover',
          { source: source.name, retry: true },
          {
            jobId: `discover-retry-${source.name}-${failures}`,
            delay: Math.max(0, nextTryAt.getTime() - Date.now()),
            attempts: 1,
          },
        );
      }
    },
  };
}

/** The discover worker of an App: sources from the configuration, the App's politeness-shared client. */
export function discoverWorker(app: App, opts: WorkerOptions = {}): Worker {
  // Discover jobs are about sources, not documents: they keep no document status.
  const noStatus = { stage: async () => {} } as unknown as DocStatus;
  const spec = discoverSpec({
    config: app.config,
    queues: app.queues,
    status: app.status,
    client: app.stageContext(app.log).fetch.client,
    sources: () => loadSources(app.config),
  });
  return createWorker(
    spec,
    { config: app.config, connection: app.connection, status: noStatus, log: app.log },
    { concurrency: 2, ...opts },
  );
}
