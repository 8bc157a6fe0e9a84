import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../store/connection.js';
import type { z } from 'zod';
import type { Config } from '../config.js';
import { isRetryable, parseOrThrow, PresslineError } from '../errors.js';
import type { Logger } from '../logger.js';
import { jobDuration, jobsFailed, jobsProcessed } from '../metrics.js';
import type { DocStatus, StageExtra } from '../store/doc-status.js';
import { bullPrefix } from '../store/keys.js';
import { deliverBackoffStrategy } from '../queues/retry-policy.js';
import { redact } from '../redact.js';

/** How long a job runs before its status shows it active (faster jobs write their status once, at the end). */
export const ACTIVE_AFTER_MS = 1000;

/** One queue's work: the schema its jobs must match, and what to do with a parsed job. */
export interface WorkerSpec<I> {
  /** The queue this worker consumes. */
  queue: string;
  /** The name logs, metrics and document status use (the stage, or `deliver-<sink>`). */
  stage: string;
  /** The schema of a job's data, checked on arrival; null when the handler checks it itself (a stage run in a thread checks it there). */
  input: z.ZodType<I> | null;
  /** The document a job is about, read before parsing (for status and logs). */
  docIdOf(data: unknown): string | undefined;
  handle(input: I, job: Job, log: Logger): Promise<StageExtra | void>;
}

export interface WorkerDeps {
  config: Config;
  connection: RedisClient;
  /** Where each job's stage state goes; null for jobs about no document (discovery). */
  status: Pick<DocStatus, 'stage'> | null;
  log: Logger;
}

export interface WorkerOptions {
  concurrency?: number;
  /** How long a job's lock lasts; a job whose worker died is taken up again after it. @defaultValue LOCK_DURATION_MS */
  lockDurationMs?: number;
  /** How often locks of stalled jobs are checked. @defaultValue STALLED_INTERVAL_MS */
  stalledIntervalMs?: number;
  /** Times a stalled job is queued again before it fails. @defaultValue MAX_STALLED_COUNT */
  maxStalledCount?: number;
}

/**
 * The one generic worker: parses `job.data` on arrival (a schema failure fails the job at
 * once, without retry, listing each `path: problem`), runs the handler with a child logger,
 * keeps document status and metrics, and turns non-retryable errors into BullMQ's
 * UnrecoverableError. Transient errors are thrown as they are, so BullMQ retries them
 * with the queue's exponential backoff.
 */
export function createWorker<I>(spec: WorkerSpec<I>, deps: WorkerDeps, opts: WorkerOptions = {}): Worker {
  const processor = async (job: Job): Promise<void> => {
    const docId = spec.docIdOf(job.data) ?? `job:${job.id}`;
    const data = job.data as { traceId?: string; record?: { pipeline?: { traceId?: string } } } | null;
    const traceId = data?.traceId ?? data?.record?.pipeline?.traceId;
    const log = deps.log.child({ stage: spec.stage, jobId: job.id, docId, traceId });
    const attempt = job.attemptsMade + 1;
    const started = performance.now();
    const at = new Date().toISOString();
    // One status write per job, at its end; a job still running after ACTIVE_AFTER_MS (a slow
    // fetch, an archive that is down) shows as active meanwhile. The write is ordered before the
    // final one on the same connection, so it never overwrites the outcome.
    const activeTimer = setTimeout(() => {
      deps.status
        ?.stage(docId, spec.stage, { state: 'active', at, attempts: attempt, jobId: job.id })
        .catch((err: unknown) => log.warn({ err }, 'status write failed'));
    }, ACTIVE_AFTER_MS);
    try {
      const input = spec.input
        ? parseOrThrow(spec.input, job.data, `${spec.stage} job`, `queue ${spec.queue}, job ${job.id}`)
        : (job.data as I);
      const extra = (await spec.handle(input, job, log)) ?? {};
      clearTimeout(activeTimer);
      const ms = performance.now() - started;
      jobsProcessed.inc({ stage: spec.stage });
      jobDuration.observe({ stage: spec.stage }, ms / 1000);
      const published = await deps.status?.stage(
        docId,
        spec.stage,
        { state: 'completed', at: new Date().toISOString(), ms, attempts: attempt, jobId: job.id },
        extra,
      );
      // The one info line of a document: when its last archive has it.
      if (published && extra.delivered) log.info({ title: extra.title }, 'record published');
      log.debug({ ms: Math.round(ms), attempt }, 'stage completed');
    } catch (err) {
      clearTimeout(activeTimer);
      const retryable = isRetryable(err);
      const final = !retryable || attempt >= (job.opts.attempts ?? 1);
      const code = err instanceof PresslineError ? err.code : 'ERR_UNEXPECTED';
      // BullMQ stores the message and stack as the job's failed reason: no credentials in them.
      const message = redact((err as Error).message);
      if (err instanceof Error && !(err instanceof PresslineError)) {
        err.message = message;
        if (err.stack) err.stack = redact(err.stack);
      }
      jobsFailed.inc({ stage: spec.stage, code, final: String(final) });
      await deps.status?.stage(docId, spec.stage, {
        state: final ? 'failed' : 'retrying',
        at: new Date().toISOString(),
        ms: performance.now() - started,
        attempts: attempt,
        jobId: job.id,
        error: message,
        code,
      });
      // One line without a stack (that is at debug), unless the error is not one of ours.
      const line = { code, attempt, final, error: message.split('\n')[0] };
      if (final) log.error(code === 'ERR_UNEXPECTED' ? { ...line, err } : line, 'stage failed');
      else log.warn(line, 'stage failed, will retry');
      log.debug({ err }, 'stage failure stack');
      if (!retryable) throw new UnrecoverableError(`${code}: ${message}`);
      throw err;
    }
  };
  const worker = new Worker(spec.queue, processor, {
    connection: deps.connection,
    prefix: bullPrefix(deps.config, spec.queue),
    concurrency: opts.concurrency ?? deps.config.concurrency,
    lockDuration: opts.lockDurationMs ?? deps.config.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs ?? deps.config.stalledIntervalMs,
    maxStalledCount: opts.maxStalledCount ?? deps.config.maxStalledCount,
    settings: { backoffStrategy: deliverBackoffStrategy(deps.config) },
    autorun: true,
  });
  worker.on('error', (err) => deps.log.error({ err, queue: spec.queue }, 'worker error'));
  return worker;
}
