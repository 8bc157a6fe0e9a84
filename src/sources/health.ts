import type { Redis } from 'ioredis';
import type { Config } from '../config.js';

/** What the dashboard shows of one discovery source. */
export interface SourceHealth {
  name: string;
  enabled: boolean;
  lastRunAt: string | null;
  itemsFound: number | null;
  lastError: string | null;
}

/** The health of every configured discovery source, read from Redis. */
export async function sourceHealth(_redis: Redis, _config: Config): Promise<SourceHealth[]> {
  return [];
}
