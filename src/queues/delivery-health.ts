import type { Job, Queue } from 'bullmq';
import type { RedisClient } from '../store/connection.js';
import { sinkOfQueue } from './names.js';

/** One sink's delivery trouble, as `pressline status` and the dashboard show it. */
export interface SinkHealth {
  sink: string;
  /** Deliveries that gave up (retries exhausted, or refused for good). */
  failed: number;
  /** Deliveries that failed and wait for their next try. */
  retrying: number;
  lastError: string | null;
  lastErrorAt: string | null;
  /** When the first waiting delivery is tried next (null when none waits). */
  nextTryAt: string | null;
  /** The most tries any waiting delivery has had so far. */
  tries: number;
}

/** BullMQ scores a delayed job `timestamp · 0x1000 + counter`: the time it is due, in ms. */
const dueAt = (score: string | number): number => Math.floor(Number(score) / 0x1000);

/** When the delayed job `jobId` of `queue` is due, or null when it is not delayed. */
export async function nextTryOf(redis: RedisClient, queue: Queue, jobId: string): Promise<Date | null> {
  const score = await redis.zscore(queue.keys.delayed!, jobId);
  return score === null ? null : new Date(dueAt(score));
}

/**
 * Each sink's failures, read from its `deliver-<sink>` queue: how many deliveries failed
 * for good, how many wait to be retried, and the most recent error of either.
 */
export async function sinkHealth(queues: readonly Queue[], redis?: RedisClient): Promise<SinkHealth[]> {
  return Promise.all(
    queues
      .flatMap((q) => {
        const sink = sinkOfQueue(q.name);
        return sink === null ? [] : [{ q, sink }];
      })
      .map(async ({ q, sink }) => {
        const counts = await q.getJobCounts('failed', 'delayed');
        const recent: Job[] = [...(await q.getFailed(0, 0)), ...(await q.getDelayed(0, 49))];
        const withError = recent.filter((j) => j?.failedReason);
        const at = (j: Job) => j.finishedOn ?? j.processedOn ?? j.timestamp;
        const last = withError.sort((a, b) => at(b) - at(a))[0];
        const [, first] = await (redis?.zrange(q.keys.delayed!, '0', '0', 'WITHSCORES') ?? []);
        return {
          sink,
          failed: counts.failed ?? 0,
          retrying: counts.delayed ?? 0,
          lastError: last?.failedReason ?? null,
          lastErrorAt: last ? new Date(at(last)).toISOString() : null,
          nextTryAt: first === undefined ? null : new Date(dueAt(first)).toISOString(),
          tries: Math.max(0, ...recent.filter((j) => j).map((j) => j.attemptsMade)),
        };
      }),
  );
}

/** One line per sink for a terminal: `pg: 3 retrying, 0 failed; last error 2026-… ERR_…`. */
export function formatSinkHealth(rows: readonly SinkHealth[]): string[] {
  return rows.map((r) => {
    const next = r.nextTryAt ? ` (next try ${r.nextTryAt}, ${r.tries} tries so far)` : '';
    const head = `${r.sink}: ${r.retrying} retrying${next}, ${r.failed} failed`;
    return r.lastError
      ? `${head}; last error at ${r.lastErrorAt}: ${r.lastError.split('\n')[0]!.slice(0, 200)}`
      : `${head}; no errors`;
  });
}
