import type { Queue } from 'bullmq';
import { z } from 'zod';
import { isRetryable, PresslineError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SourceConfig } from '../sources/schema.js';
import { runDiscovery, type DiscoveryDeps } from '../stages/discover-run.js';
import type { SourceHealthStore } from '../store/source-health.js';
import type { WorkerSpec } from './worker.js';

/** A discover job: run one source now (from its Job Scheduler, or a retry after a failure). */
export const DiscoverJob = z.object({ source: z.string().min(1), retry: z.boolean().optional() });
export type DiscoverJob = z.infer<typeof DiscoverJob>;

/** The first retry of an unreachable source after 30 s, doubling, never later than its interval. */
export const retryDelayMs = (failures: number, intervalMs: number): number =>
  Math.min(intervalMs, 30_000 * 2 ** Math.min(failures - 1, 10)) + Math.round(Math.random() * 1000);

/** What the discover worker is handed: the stage's dependencies, where health goes, its own queue. */
export interface DiscoverDeps extends Omit<DiscoveryDeps, 'log' | 'now'> {
  health: SourceHealthStore;
  /** The discover queue, for a delayed retry of an unreachable source. */
  queue: Queue;
  /** The configured sources (read once, on the first job). */
  sources: () => Promise<readonly SourceConfig[]>;
}

/**
 * The discover worker: runs a source's discovery and records its health. A source that
 * cannot be reached is logged in one line, shown on the dashboard, and tried again with
 * backoff (a delayed one-off job) while its scheduler keeps its interval.
 */
export function discoverSpec(deps: DiscoverDeps): WorkerSpec<DiscoverJob> {
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
        const r = await runDiscovery(source, { ...deps, now: () => new Date(), log });
        await deps.health.recordOk(source.name, r);
        log.info({ source: source.name, ...r }, 'discovery run');
      } catch (err) {
        const code = err instanceof PresslineError ? err.code : 'ERR_UNEXPECTED';
        const message = (err as Error).message.split('\n')[0] ?? '';
        if (!isRetryable(err)) {
          // Refused for good (a private address, a 404 listing): no retries, only its next scheduled run.
          await deps.health.recordFailure(source.name, `${code}: ${message}`, () => null);
          log.error({ source: source.name, code }, `source ${source.name} refused: ${message}`);
          return;
        }
        const { failures, nextTryAt } = await deps.health.recordFailure(
          source.name,
          `${code}: ${message}`,
          (n) => retryDelayMs(n, source.interval),
        );
        log.warn(
          { source: source.name, code, failures, nextTryAt: nextTryAt.toISOString() },
          `source ${source.name} unreachable: ${message}; trying again at ${nextTryAt.toISOString()}`,
        );
        await deps.queue.add(
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
