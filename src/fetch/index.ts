import type { Config } from '../config.js';
import { HttpClient, type HttpOptions } from './http.js';
import { MemoryHostLimiter } from './limiter.js';

export { HttpClient } from './http.js';

/** The client's options from the configuration. */
export function httpOptions(config: Config): HttpOptions {
  return {
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    bodyTimeoutMs: config.fetchBodyTimeoutMs,
    totalTimeoutMs: config.fetchTotalTimeoutMs,
    // A fetched page is an input like a local file: INPUT_MAX_BYTES caps it too.
    maxBytes: Math.min(config.fetchMaxBytes, config.inputMaxBytes),
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
