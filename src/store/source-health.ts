import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { redisKey } from '../queues/names.js';
import { loadSources } from '../sources/load.js';

/** What the dashboard shows of one discovery source. */
export interface SourceHealth {
  name: string;
  enabled: boolean;
  lastRunAt: string | null;
  itemsFound: number | null;
  lastError: string | null;
  /** When the source last answered. */
  lastOkAt?: string | null;
  /** Failed runs in a row (0 when the last run worked). */
  failures?: number;
  /** When the scheduler tries an unreachable source again. */
  nextTryAt?: string | null;
  /** Fetch jobs the last run queued. */
  queued?: number | null;
}

export const healthKey = (config: Pick<Config, 'queuePrefix'>, name: string): string =>
  redisKey(config, 'source', name);

/** Records a run that worked: the error is cleared. */
export async function recordOk(
  redis: Redis,
  config: Pick<Config, 'queuePrefix'>,
  name: string,
  r: { found: number; queued: number },
  at = new Date(),
): Promise<void> {
  await redis.hset(healthKey(config, name), {
    lastRunAt: at.toISOString(),
    lastOkAt: at.toISOString(),
    itemsFound: String(r.found),
    queued: String(r.queued),
    lastError: '',
    failures: '0',
    nextTryAt: '',
  });
}

/** Records a failed run; returns how many have failed in a row. */
export async function recordFailure(
  redis: Redis,
  config: Pick<Config, 'queuePrefix'>,
  name: string,
  error: string,
  retryInMs: (failures: number) => number,
  at = new Date(),
): Promise<{ failures: number; nextTryAt: Date }> {
  const key = healthKey(config, name);
  const failures = await redis.hincrby(key, 'failures', 1);
  const nextTryAt = new Date(at.getTime() + retryInMs(failures));
  await redis.hset(key, {
    lastRunAt: at.toISOString(),
    lastError: error,
    nextTryAt: nextTryAt.toISOString(),
  });
  return { failures, nextTryAt };
}

/** The health of every configured discovery source, read from Redis. */
export async function sourceHealth(redis: Redis, config: Config): Promise<SourceHealth[]> {
  let sources;
  try {
    sources = await loadSources(config);
  } catch (err) {
    return [
      {
        name: '(sources file)',
        enabled: false,
        lastRunAt: null,
        itemsFound: null,
        lastError: (err as Error).message,
      },
    ];
  }
  return Promise.all(
    sources.map(async (s): Promise<SourceHealth> => {
      const h = await redis.hgetall(healthKey(config, s.name));
      const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
      return {
        name: s.name,
        enabled: s.enabled,
        lastRunAt: h.lastRunAt || null,
        itemsFound: num(h.itemsFound),
        lastError: h.lastError || null,
        lastOkAt: h.lastOkAt || null,
        failures: Number(h.failures ?? 0),
        nextTryAt: h.nextTryAt || null,
        queued: num(h.queued),
      };
    }),
  );
}
