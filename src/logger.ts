import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redact } from './redact.js';

export type { Logger };

/**
 * Every line is redacted as it is written: whatever field, message or error cause holds a URL,
 * its credentials and query values never reach the output.
 */
const hooks: LoggerOptions['hooks'] = { streamWrite: redact };

/**
 * The one root logger. Logs are data: pass objects, not interpolated strings, and use
 * `log.child({ stage, jobId, docId, traceId })` per job. On a TTY the output is made readable.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  if (destination) return pino({ level, base: undefined, hooks }, destination);
  const pretty = process.stderr.isTTY;
  return pino(
    {
      level,
      hooks,
      base: { pid: process.pid },
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } }
        : {}),
    },
    pretty ? undefined : pino.destination(2),
  );
}
