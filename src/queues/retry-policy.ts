import type { BackoffStrategy, JobsOptions } from 'bullmq';
import type { Config } from '../config.js';

/** The backoff type of sink deliveries: exponential, capped, honouring `Retry-After`. */
export const DELIVER_BACKOFF = 'deliver-capped';

type RetryConfig = Pick<
  Config,
  'deliverAttempts' | 'deliverMaxBackoffMs' | 'backoffMs' | 'keepCompleted' | 'keepFailed'
>;

/**
 * Job options of every `deliver-<sink>` queue: many tries (DELIVER_ATTEMPTS, 30 by default)
 * on a backoff that doubles from JOB_BACKOFF_MS up to DELIVER_MAX_BACKOFF_MS (15 min), so a
 * delivery keeps trying for hours (over 5 with the defaults) while an archive is down.
 */
export function deliverJobOptions(config: RetryConfig): JobsOptions {
  return {
    attempts: config.deliverAttempts,
    backoff: { type: DELIVER_BACKOFF, delay: config.backoffMs },
    removeOnComplete: { count: config.keepCompleted },
    removeOnFail: { count: config.keepFailed },
  };
}

/**
 * The delay before try `attemptsMade + 1`: `delay · 2^(attemptsMade-1)`, capped at
 * `maxMs`, less up to 20% jitter so retries after an outage spread out; never shorter
 * than a `Retry-After` the archive asked for (`details.retryAfterMs` of the error).
 */
export function cappedBackoff(
  attemptsMade: number,
  delay: number,
  maxMs: number,
  err?: unknown,
  random = Math.random,
): number {
  const exp = Math.min(delay * 2 ** Math.max(0, attemptsMade - 1), maxMs);
  const jittered = Math.round(exp * (0.8 + 0.2 * random()));
  const asked = (err as { details?: { retryAfterMs?: unknown } } | undefined)?.details?.retryAfterMs;
  return typeof asked === 'number' && asked > jittered ? asked : jittered;
}

/** The BullMQ custom backoff strategy for {@link DELIVER_BACKOFF} (a Worker's `settings.backoffStrategy`). */
export function deliverBackoffStrategy(
  config: Pick<Config, 'deliverMaxBackoffMs' | 'backoffMs'>,
): BackoffStrategy {
  return (attemptsMade, type, err, job) => {
    if (type !== DELIVER_BACKOFF) throw new Error(`unknown backoff type ${type}`);
    const delay = (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? config.backoffMs;
    return cappedBackoff(attemptsMade, delay, config.deliverMaxBackoffMs, err);
  };
}

/** Roughly how long a delivery keeps trying with these settings, in ms (without jitter). */
export function retryWindowMs(
  config: Pick<Config, 'deliverAttempts' | 'deliverMaxBackoffMs' | 'backoffMs'>,
): number {
  let total = 0;
  for (let n = 1; n < config.deliverAttempts; n++)
    total += Math.min(config.backoffMs * 2 ** (n - 1), config.deliverMaxBackoffMs);
  return total;
}
