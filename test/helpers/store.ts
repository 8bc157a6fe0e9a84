import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { keyspace, type Keyspace } from '../../src/store/keys.js';
import { redisForTests } from './services.js';

/**
 * A Redis connection and a keyspace of its own for one test file: connected before the tests,
 * and every key of the keyspace deleted after them.
 */
export function useRedisKeyspace(): { redis: () => Redis; keys: Keyspace } {
  let redis: Redis | undefined;
  const keys = keyspace({ queuePrefix: `test-${randomUUID()}` });
  beforeAll(async () => {
    redis = new Redis(await redisForTests());
  });
  afterAll(async () => {
    if (!redis) return;
    const found = await redis.keys(keys.all);
    if (found.length) await redis.del(...found);
    await redis.quit();
  });
  return { redis: () => redis!, keys };
}
