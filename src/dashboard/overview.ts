import type { Queue } from 'bullmq';
import { sinkHealth as deliveryTrouble } from '../queues/delivery-health.js';
import type { RedisClient } from '../store/connection.js';
import type { App } from '../app.js';
import type { DocState } from '../store/doc-status.js';
import { deliverQueue } from '../queues/names.js';
import { loadSources } from '../sources/load.js';
import type { SourceHealth } from '../store/source-health.js';
import { redactDeep } from '../redact.js';

/** The job states the dashboard counts for every queue. */
export const JOB_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** How many one-minute buckets the throughput chart shows. */
export const WINDOW_MINUTES = 10;

/** What the pipeline page shows of one queue. */
export interface QueueStats {
  queue: string;
  counts: Record<JobState, number>;
  /** Jobs completed in each of the last {@link WINDOW_MINUTES} minutes, oldest first. */
  completedPerMinute: number[];
  /** Jobs that failed for good in each of those minutes, oldest first. */
  failedPerMinute: number[];
  /** Time a worker spent on a job (finishedOn − processedOn), over jobs completed in the window. */
  latency: { p50Ms: number; p95Ms: number; samples: number } | null;
}

/** A sink: whether it answers, its delivery queue, and its latest delivery error. */
export interface SinkCard {
  name: string;
  ok: boolean;
  error: string | null;
  lastDeliveryAt: string | null;
  stats: QueueStats | null;
  /** Deliveries waiting for their next try after a failure. */
  retrying: number;
  lastError: string | null;
  lastErrorAt: string | null;
  /** When the first waiting delivery is tried next. */
  nextTryAt: string | null;
  /** The most tries a waiting or failed delivery has had. */
  tries: number;
}

export interface Overview {
  at: string;
  queues: QueueStats[];
  sources: SourceHealth[];
  sinks: SinkCard[];
  recent: DocState[];
  failed: DocState[];
  failedTotal: number;
}

/** The `p`-th percentile (0–1) of sorted numbers, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * `processedOn` and `finishedOn` of each job id in ARGV, flat, in one round trip. KEYS[1] is
 * the queue's key prefix; every job key shares its hash tag, so this holds on Redis Cluster too.
 */
const TIMES_SCRIPT = `local out = {}
for _, id in ipairs(ARGV) do
  local v = redis.call('HMGET', KEYS[1] .. id, 'processedOn', 'finishedOn')
  out[#out + 1] = v[1] or ''
  out[#out + 1] = v[2] or ''
end
return out`;

/**
 * Counts, per-minute throughput and latency of one queue. Reads only the finished sets'
 * scores (finish times) and two fields of the latest 200 jobs (one script call), never the payloads.
 */
export async function queueStats(queue: Queue, client: RedisClient, now = Date.now()): Promise<QueueStats> {
  const since = now - WINDOW_MINUTES * 60_000;
  // One round trip: a ZCOUNT per minute and state, [start, end), oldest minute first.
  const pipe = client.pipeline();
  for (const set of [queue.keys.completed!, queue.keys.failed!])
    for (let m = WINDOW_MINUTES; m >= 1; m -= 1)
      pipe.zcount(set, now - m * 60_000, `(${now - (m - 1) * 60_000}`);
  const [counts, buckets, latest] = await Promise.all([
    queue.getJobCounts(...JOB_STATES),
    pipe.exec(),
    client.zrevrangebyscore(queue.keys.completed!, '+inf', since, 'LIMIT', 0, 200),
  ]);
  const perMin = (buckets ?? []).map(([, n]) => Number(n ?? 0));
  // The latest 200 are enough for p95 and keep one refresh cheap on a busy queue.
  const times = latest.length
    ? ((await client.eval(TIMES_SCRIPT, 1, queue.toKey(''), ...latest)) as string[])
    : [];
  const durations: number[] = [];
  for (let k = 0; k + 1 < times.length; k += 2) {
    const [processedOn, finishedOn] = [times[k], times[k + 1]];
    const d = Number(finishedOn) - Number(processedOn);
    if (processedOn && finishedOn && Number.isFinite(d) && d >= 0) durations.push(d);
  }
  durations.sort((a, b) => a - b);
  return {
    queue: queue.name,
    counts: Object.fromEntries(JOB_STATES.map((s) => [s, counts[s] ?? 0])) as Record<JobState, number>,
    completedPerMinute: perMin.slice(0, WINDOW_MINUTES),
    failedPerMinute: perMin.slice(WINDOW_MINUTES),
    latency: durations.length
      ? { p50Ms: percentile(durations, 0.5), p95Ms: percentile(durations, 0.95), samples: durations.length }
      : null,
  };
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms).unref(),
    ),
  ]);

/** Whether each sink answers, with its delivery queue's numbers and latest error. */
export async function sinkCards(
  app: App,
  stats: readonly QueueStats[],
  timeoutMs = 2000,
): Promise<SinkCard[]> {
  const trouble = await deliveryTrouble(app.queues.all(), app.connection);
  return Promise.all(
    app.sinks.map(async (sink) => {
      const queue = app.queues.byName.get(deliverQueue(sink.name));
      let error: string | null = null;
      try {
        await withTimeout(sink.check(), timeoutMs, `sink ${sink.name}`);
      } catch (err) {
        error = (err as Error).message;
      }
      let lastDeliveryAt: string | null = null;
      if (queue) {
        const last = await app.connection.zrevrange(queue.keys.completed!, 0, 0, 'WITHSCORES');
        if (last[1]) lastDeliveryAt = new Date(Number(last[1])).toISOString();
      }
      const t = trouble.find((h) => h.sink === sink.name);
      return {
        name: sink.name,
        ok: error === null,
        error,
        lastDeliveryAt,
        stats: stats.find((s) => s.queue === queue?.name) ?? null,
        retrying: t?.retrying ?? 0,
        lastError: t?.lastError?.split('\n')[0] ?? null,
        lastErrorAt: t?.lastErrorAt ?? null,
        nextTryAt: t?.nextTryAt ?? null,
        tries: t?.tries ?? 0,
      };
    }),
  );
}

/** Everything the pipeline page shows, gathered in one pass, redacted. */
export async function overview(app: App, opts: { recent?: number; failed?: number } = {}): Promise<Overview> {
  const now = Date.now();
  const queues = await Promise.all(app.queues.all().map((q) => queueStats(q, app.connection, now)));
  const [sources, sinks, recent, failed, failedTotal] = await Promise.all([
    app.stores.sources.all(() => loadSources(app.config)).catch(() => []),
    sinkCards(app, queues),
    app.status.recent(opts.recent ?? 25),
    app.status.failed(opts.failed ?? 25),
    app.status.failedCount(),
  ]);
  // Errors, labels and sink reasons may hold a URL with credentials: none is shown as it was.
  return redactDeep({ at: new Date(now).toISOString(), queues, sources, sinks, recent, failed, failedTotal });
}

const cache = new WeakMap<App, { at: number; value: Promise<Overview> }>();

/**
 * {@link overview}, shared by every request within `maxAgeMs`: many open pages polling
 * every two seconds cost Redis what one does.
 */
export function cachedOverview(app: App, maxAgeMs = 1000): Promise<Overview> {
  const hit = cache.get(app);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.value;
  const value = overview(app);
  cache.set(app, { at: Date.now(), value });
  value.catch(() => cache.delete(app));
  return value;
}

/** Drops the shared overview after an action, so the next page shows its effect. */
export const forgetOverview = (app: App): void => {
  cache.delete(app);
};
