import { loadConfig, type Config } from '../config.js';
import { PresslineError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { redact } from '../redact.js';

/** What every command starts from: the parsed configuration and the root logger. */
export interface Runtime {
  config: Config;
  log: Logger;
}

let stacks = false;

export function loadRuntime(options: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = loadConfig(options, env);
  stacks = config.logLevel === 'debug' || config.logLevel === 'trace';
  return { config, log: createLogger(config.logLevel) };
}

/** Whether a failed command prints its stack too: only with LOG_LEVEL=debug or trace. */
export const showStacks = (): boolean => stacks;

/**
 * A failure as one line for a one-shot command: its code and message, without the
 * "will retry" that the same error says inside a worker (a command does not retry).
 */
export function oneLine(err: unknown): string {
  const code = err instanceof PresslineError ? ` [${err.code}]` : '';
  const message = redact((err as Error)?.message ?? String(err))
    .replace(/;? ?will retry\.?/g, '.')
    .replace(/\.\.$/, '.');
  return `pressline${code}: ${message}`;
}

/**
 * A failure of a one-shot command, said with where it happened (`PostgreSQL at db:5432/archive`):
 * the same code, the message without "will retry", never retried.
 */
export function failedAt(where: string, err: unknown): PresslineError {
  const message = oneLine(err).replace(/^pressline( \[[A-Z_]+\])?: /, '');
  const code = err instanceof PresslineError ? err.code : 'ERR_UNEXPECTED';
  return new PresslineError(code, `${where}: ${message}`, { cause: err, retryable: false });
}
