import type { Logger } from '../logger.js';

/**
 * Closes gracefully on SIGINT/SIGTERM: active jobs finish, then connections close. A second
 * signal exits at once (an unfinished job is taken up again by another worker after its lock expires).
 */
export function onShutdown(log: Logger, close: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing active jobs');
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
