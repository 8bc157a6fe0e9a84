import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { redisKey } from '../queues/names.js';
import type { FetchDeps } from '../stages/fetch.js';
import { RedisFetchIndex } from '../store/fetch-index.js';
import { HttpClient, type HttpOptions } from './http.js';
import { MemoryHostLimiter, RedisHostLimiter } from './limiter.js';

export { HttpClient } from './http.js';

/** The client's options from the configuration. */
export function httpOptions(config: Config): HttpOptions {
  return {
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    bodyTimeoutMs: config.fetchBodyTimeoutMs,
    totalTimeoutMs: config.fetchTotalTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    maxRedirects: config.fetchMaxRedirects,
    retries: config.fetchRetries,
    retryBaseMs: config.fetchRetryBaseMs,
    maxRetryAfterMs: config.fetchMaxRetryAfterMs,
    respectRobots: config.fetchRespectRobots,
    allowPrivate: config.fetchAllowPrivate,
  };
}

/** A client whose politeness holds within this process (`pressline process`). */
export function memoryClient(config: Config): HttpClient {
  return new HttpClient(httpOptions(config), {
    limiter: new MemoryHostLimiter({
      minIntervalMs: config.fetchMinIntervalMs,
      concurrency: config.fetchHostConcurrency,
    }),
  });
}

/** The limiter shared by every worker process and host, kept in Redis. */
export function redisLimiter(redis: Redis, config: Config): RedisHostLimiter {
  return new RedisHostLimiter(redis, (host, part) => redisKey(config, 'host', host, part), {
    minIntervalMs: config.fetchMinIntervalMs,
    concurrency: config.fetchHostConcurrency,
    leaseMs: config.fetchTotalTimeoutMs + 5000,
    pendingMs: config.fetchTimeoutMs + 5000,
  });
}

/** Fetch dependencies for a worker process: the Redis limiter and the Redis fetch index. */
export function redisFetchDeps(base: FetchDeps, redis: Redis, config: Config): FetchDeps {
  return {
    ...base,
    client: base.client.withLimiter(redisLimiter(redis, config)),
    index: new RedisFetchIndex(redis, redisKey(config, 'fetched')),
  };
}
