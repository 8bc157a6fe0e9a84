import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import type { StageContext } from '../stages/registry.js';
import { FileRawStore, type RawStore } from '../store/raw-store.js';

/** What every command shares: the parsed configuration, the root logger, the raw store. */
export interface Runtime {
  config: Config;
  log: Logger;
  raw: RawStore;
  stageContext(log: Logger): StageContext;
}

export function loadRuntime(options: Partial<Config> = {}): Runtime {
  const config = loadConfig(options);
  const log = createLogger(config.logLevel);
  const raw = new FileRawStore(join(config.dataDir, 'raw'));
  return {
    config,
    log,
    raw,
    stageContext: (childLog) => ({
      log: childLog,
      fetch: {
        raw,
        now: () => new Date(),
        http: {
          userAgent: config.userAgent,
          timeoutMs: config.fetchTimeoutMs,
          bodyTimeoutMs: config.fetchBodyTimeoutMs,
          maxBytes: config.fetchMaxBytes,
        },
      },
    }),
  };
}
