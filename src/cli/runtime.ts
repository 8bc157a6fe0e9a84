import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import type { StageContext } from '../stages/registry.js';
import { FileRawStore, type RawStore } from '../store/raw-store.js';
import { memoryClient } from '../fetch/index.js';
import { MemoryFetchIndex } from '../store/fetch-index.js';

/** What every command shares: the parsed configuration, the root logger, the raw store. */
export interface Runtime {
  config: Config;
  log: Logger;
  raw: RawStore;
  stageContext(log: Logger): StageContext;
}

export function loadRuntime(options: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = loadConfig(options, env);
  const log = createLogger(config.logLevel);
  const raw = new FileRawStore(join(config.dataDir, 'raw'));
  // One client (and keep-alive agent) per process; its politeness holds within this process.
  // App.connect swaps in the Redis limiter and index, shared by every worker process.
  const client = memoryClient(config);
  const index = new MemoryFetchIndex();
  return {
    config,
    log,
    raw,
    stageContext: (childLog) => ({
      log: childLog,
      fetch: { raw, now: () => new Date(), client, index },
    }),
  };
}
