import type { z } from 'zod';
import { redact, redactDeep } from './redact.js';

/**
 * The one error model. Every failure has a stable `code` that callers, logs and the
 * dashboard match on, and says whether retrying can help (`retryable`). The generic
 * worker turns a non-retryable error into BullMQ's `UnrecoverableError`. Every URL in the
 * message and details is redacted ({@link redact}) before the stack is taken, so no
 * credential reaches a log, a job's failed reason or the dashboard.
 */
export class PresslineError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  /** Structured details for logs and the dashboard (an HTTP status, a schema path, …). */
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    opts: { retryable?: boolean; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(redact(message), opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.details = redactDeep(opts.details ?? {});
  }
}

/** Data that does not match its schema: never retried; the message lists each `path: problem`. */
export class ValidationError extends PresslineError {
  constructor(what: string, error: z.ZodError, where?: string) {
    const lines = error.issues.map((i) => `- ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    super('ERR_VALIDATION', `${what} is invalid${where ? ` (${where})` : ''}:\n${lines.join('\n')}`, {
      details: { issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
}

/** A failure that may pass on a later try: a network error, a 5xx, a 429, a sink that is down. */
export class TransientError extends PresslineError {
  constructor(
    code: string,
    message: string,
    opts: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, { ...opts, retryable: true });
  }
}

/** A failure that no retry can mend: a 404, a refused address, an empty document. */
export class PermanentError extends PresslineError {
  constructor(
    code: string,
    message: string,
    opts: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, { ...opts, retryable: false });
  }
}

/** An input over INPUT_MAX_BYTES: refused for good, before it is read whole. */
export class InputTooLargeError extends PermanentError {
  constructor(what: string, bytes: number, maxBytes: number) {
    super(
      'ERR_INPUT_TOO_LARGE',
      `${what}: ${bytes} bytes, more than INPUT_MAX_BYTES (${maxBytes}); not processed. Raise INPUT_MAX_BYTES to accept it.`,
      { details: { bytes, maxBytes } },
    );
  }
}

/** The configuration (environment or sources file) is wrong; names the variable and the problem. */
export class ConfigError extends PresslineError {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super('ERR_CONFIG', message, opts);
  }
}

/** No Redis answers where the configuration says: one line that says how to start one. */
export class RedisUnavailableError extends PresslineError {
  constructor(url: string, cause?: unknown) {
    super(
      'ERR_REDIS_UNAVAILABLE',
      `No Redis answers at ${url}. Start one (\`redis-server --daemonize yes\` or \`docker compose up -d redis\`) or set REDIS_URL.`,
      { cause, retryable: true },
    );
  }
}

/**
 * Whether an error is worth retrying: Pressline errors say so; a `RangeError` (a stack overflow,
 * an invalid array length or string size: the input's shape, which a retry does not change) is
 * not; other unknown errors are retried.
 */
export const isRetryable = (err: unknown): boolean =>
  err instanceof PresslineError ? err.retryable : !(err instanceof RangeError);

/** Parses `data` with `schema`, or throws a ValidationError naming `what` and each bad path. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
  where?: string,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(what, result.error, where);
  return result.data;
}
