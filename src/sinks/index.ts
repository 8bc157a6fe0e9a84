import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { JsonlSink } from './jsonl.js';
import type { Sink } from './types.js';

export type { Sink, DeliveryOutcome } from './types.js';

/** The names of the sinks this configuration turns on (JSON Lines always). */
export function sinkNames(config: Config): string[] {
  const names = ['jsonl'];
  return names;
}

/** Prepares every configured archive before workers start (PostgreSQL migrations, say). */
export async function prepareSinks(_config: Config, _log: Logger): Promise<void> {}

/** Builds the sinks this configuration turns on. */
export function createSinks(config: Config, _log: Logger): Sink[] {
  return sinkNames(config).map((name) => {
    switch (name) {
      case 'jsonl':
        return new JsonlSink({ dir: join(config.dataDir, 'archive'), fsync: config.jsonlFsync });
      default:
        throw new Error(`unknown sink ${name}`);
    }
  });
}
