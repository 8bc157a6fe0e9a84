import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The one root logger. Logs are data: pass objects, not interpolated strings, and use
 * `log.child({ stage, jobId, docId, traceId })` per job. On a TTY the output is made readable.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  if (destination) return pino({ level, base: undefined }, destination);
  const pretty = process.stderr.isTTY;
  return pino(
    {
      level,
      base: { pid: process.pid },
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } }
        : {}),
    },
    pretty ? undefined : pino.destination(2),
  );
}
