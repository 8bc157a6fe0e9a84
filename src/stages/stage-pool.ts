import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { PermanentError, PresslineError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ExtractLimits } from '../extract/limits.js';

/** The stages that can run in a thread: pure, CPU-bound, no I/O. */
export const POOLED_STAGES = ['clean', 'segment', 'figures'] as const;
export type PooledStage = (typeof POOLED_STAGES)[number];

export const isPooled = (stage: string): stage is PooledStage =>
  (POOLED_STAGES as readonly string[]).includes(stage);

/** One job for a stage thread: the job's data as it came off the queue, not yet validated. */
export interface StageTask {
  stage: PooledStage;
  data: unknown;
  /** Where the job came from, for the validation message. */
  where: string;
  logLevel: string;
  /** The clean stage's caps (HTML_MAX_CHARS, …), as the workers' configuration sets them. */
  limits?: ExtractLimits;
  /** Written by the thread when it starts the task: 1 + ms since `epoch` (shared memory, so the pool sees it at once). */
  started: Int32Array;
  epoch: number;
}

/** An error as it crosses the thread boundary. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
}

export type StageTaskResult = { output: unknown; logs: string[] } | { error: ThreadError; logs: string[] };

/** A stage ran past STAGE_TIME_LIMIT_MS: its thread was stopped; the same input would do it again, so no retry. */
export class StageTimeLimitError extends PermanentError {
  constructor(stage: string, limitMs: number) {
    super(
      'ERR_STAGE_TIME_LIMIT',
      `the ${stage} stage ran longer than STAGE_TIME_LIMIT_MS (${limitMs} ms) on this document and was stopped; not retried. Raise STAGE_TIME_LIMIT_MS if such documents are expected.`,
      { details: { stage, limitMs } },
    );
  }
}

/** The error a thread reported, as the class the main thread matches on. */
function revive(e: ThreadError): Error {
  if (e.code !== undefined)
    return Object.assign(
      new PresslineError(e.code, e.message, { retryable: e.retryable, details: e.details }),
      { name: e.name },
    );
  const err = e.name === 'RangeError' ? new RangeError(e.message) : new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

/** The compiled thread entry; from the sources (tests) it is the build's copy, which the tests build first. */
function threadFile(): string {
  const here = new URL('./stage-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return fileURLToPath(here);
  return fileURLToPath(new URL('../../dist/stages/stage-thread.js', import.meta.url));
}

export interface StagePoolOptions {
  /** Threads in the pool. @defaultValue STAGE_THREADS */
  threads: number;
  /** Longest a task may run once started; its thread is then terminated. @defaultValue STAGE_TIME_LIMIT_MS */
  timeLimitMs: number;
  logLevel: string;
  /** The clean stage's caps from the configuration. @defaultValue the defaults of `src/extract/limits.ts` */
  limits?: ExtractLimits;
}

/**
 * The pure stages (clean, segment, figures) on a few worker threads, so the workers' event
 * loop only moves jobs: it validates nothing and parses nothing itself, and keeps renewing
 * locks while a long document is cleaned. Each task is validated in the thread on arrival and
 * its output before it comes back. A task that runs past its time limit has its thread
 * terminated (the pool starts another) and fails with {@link StageTimeLimitError}.
 */
export class StagePool {
  private readonly pool: Piscina<StageTask, StageTaskResult>;
  /** Times in `started` are ms since this (they fit an Int32 for 24 days). */
  private readonly epoch = Date.now();

  constructor(private readonly opts: StagePoolOptions) {
    this.pool = new Piscina({
      filename: threadFile(),
      minThreads: opts.threads,
      maxThreads: opts.threads,
      // No limit on waiting tasks (piscina's 'auto' is threads², which would fail jobs): the
      // workers' concurrency already bounds how many there are.
      maxQueue: Infinity,
      idleTimeout: 60_000,
    });
  }

  /** Runs `stage` on a job's raw data in a thread; the output is validated; the stage's log lines go to `log`. */
  async run(stage: PooledStage, data: unknown, where: string, log: Logger): Promise<unknown> {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const abort = new AbortController();
    const limit = this.opts.timeLimitMs;
    // The clock starts when a thread takes the task (it writes the time into `started`): waiting
    // behind another document is not this one's fault. One timer per task, no polling.
    let timer: NodeJS.Timeout | undefined;
    const check = (): void => {
      const at = Atomics.load(started, 0);
      const left = at ? at - 1 + limit - (Date.now() - this.epoch) : limit;
      if (at && left <= 0) abort.abort();
      else timer = setTimeout(check, left);
    };
    timer = setTimeout(check, limit);
    let result: StageTaskResult;
    try {
      result = await this.pool.run(
        {
          stage,
          data,
          where,
          logLevel: this.opts.logLevel,
          limits: this.opts.limits,
          started,
          epoch: this.epoch,
        },
        { signal: abort.signal },
      );
    } catch (err) {
      if (abort.signal.aborted) throw new StageTimeLimitError(stage, limit);
      throw err;
    } finally {
      clearTimeout(timer);
    }
    replay(result.logs, log);
    if ('error' in result) throw revive(result.error);
    return result.output;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Writes a thread's log lines through the job's logger (its context: stage, job, document). */
function replay(lines: string[], log: Logger): void {
  for (const line of lines) {
    const {
      level,
      msg,
      time: _time,
      ...fields
    } = JSON.parse(line) as {
      level: number;
      msg?: string;
      time?: number;
    } & Record<string, unknown>;
    const name = log.levels.labels[level] ?? 'info';
    (log[name as 'info'] as (obj: object, msg?: string) => void).call(log, fields, msg);
  }
}
