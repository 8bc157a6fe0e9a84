// The entry of a stage thread (see stage-pool.ts): validates a job on arrival, runs one pure
// stage on it, validates the output, and hands back the output with the log lines the stage wrote.
import pino from 'pino';
import type { Logger } from '../logger.js';
import { parseOrThrow, PresslineError } from '../errors.js';
import type { FetchDeps } from './fetch.js';
import { stageDefs, type StageContext, type StageDef } from './registry.js';
import type { PooledStage, StageTask, StageTaskResult, ThreadError } from './stage-pool.js';

/** What a thrown error keeps across the thread boundary: its class's meaning, not its prototype. */
function serialise(err: unknown): ThreadError {
  if (err instanceof PresslineError)
    return {
      name: err.name,
      message: err.message,
      code: err.code,
      retryable: err.retryable,
      details: err.details,
    };
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, stack: e.stack };
}

// One logger per thread, writing into the current task's lines (a thread runs one task at a time).
let lines: string[] = [];
let log: Logger | null = null;
const ctx = (task: StageTask): StageContext => {
  if (log?.level !== task.logLevel)
    log = pino({ level: task.logLevel, base: undefined }, { write: (l: string) => lines.push(l) });
  return {
    log,
    limits: task.limits,
    get fetch(): FetchDeps {
      throw new Error('a stage thread runs only pure stages; fetch runs on the main thread');
    },
  };
};

/** Runs `task.stage` on `task.data`; never throws (errors travel as data). */
export default function runStage(task: StageTask): StageTaskResult {
  // The pool's clock for the time limit starts now, not while the task waited for a thread.
  Atomics.store(task.started, 0, 1 + Date.now() - task.epoch);
  lines = [];
  try {
    const def = stageDefs[task.stage satisfies PooledStage] as StageDef<unknown, unknown>;
    const input = parseOrThrow(def.input, task.data, `${def.name} job`, task.where);
    const result = def.run(input, ctx(task)) as unknown;
    const output = parseOrThrow(def.output, result, `${def.name} output`, task.where);
    return { output, logs: lines };
  } catch (err) {
    return { error: serialise(err), logs: lines };
  }
}
