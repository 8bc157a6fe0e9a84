import { expect } from 'vitest';
import { PresslineError } from '../../src/errors.js';
import { HttpClient, type HttpOptions } from '../../src/fetch/http.js';
import { MemoryHostLimiter } from '../../src/fetch/limiter.js';
import type { Resolver } from '../../src/fetch/guard.js';

/** Client options for tests: short timeouts, a 1 MiB cap, fast retries. */
export const testHttpOptions = (o: Partial<HttpOptions> = {}): HttpOptions => ({
  userAgent: 'Pressline/0.1 (+https://example.invalid/pressline-tests)',
  timeoutMs: 2000,
  bodyTimeoutMs: 300,
  totalTimeoutMs: 5000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  retries: 2,
  retryBaseMs: 20,
  maxRetryAfterMs: 5000,
  respectRobots: true,
  allowPrivate: false,
  ...o,
});

export const testClient = (o: Partial<HttpOptions> = {}, resolver?: Resolver): HttpClient =>
  new HttpClient(testHttpOptions(o), {
    limiter: new MemoryHostLimiter({ minIntervalMs: 0, concurrency: 8 }),
    resolver,
  });

/** The PresslineError a fetch fails with (the test fails if it succeeds or throws anything else). */
export const failure = async (p: Promise<unknown>): Promise<PresslineError> => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(PresslineError);
    return err as PresslineError;
  }
  throw new Error('expected the fetch to fail');
};
