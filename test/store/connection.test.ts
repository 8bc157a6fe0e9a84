import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError, RedisUnavailableError } from '../../src/errors.js';
import { assertRedis, describeRedis } from '../../src/store/connection.js';

const settings = (env: NodeJS.ProcessEnv) => loadConfig({}, env);

describe('where Redis is (REDIS_URL, REDIS_CLUSTER, REDIS_SENTINELS)', () => {
  it('refuses a Sentinel list that is not host:port, naming the variable', () => {
    expect(() => settings({ REDIS_SENTINELS: 's1:26379,s2' })).toThrow(
      /REDIS_SENTINELS="s1:26379,s2": expected host:port, comma-separated/,
    );
    expect(settings({ REDIS_SENTINELS: ' s1:26379, s2:26380 ' }).redisSentinels).toEqual([
      's1:26379',
      's2:26380',
    ]);
  });

  it('refuses Cluster and Sentinel at once, in one line that says to pick one', async () => {
    const both = settings({ REDIS_CLUSTER: 'true', REDIS_SENTINELS: 's1:26379' });
    await expect(assertRedis(both)).rejects.toThrow(ConfigError);
    await expect(assertRedis(both)).rejects.toThrow('REDIS_CLUSTER and REDIS_SENTINELS exclude each other');
  });

  it('says which cluster or Sentinels did not answer, without the password', async () => {
    const cluster = settings({
      REDIS_CLUSTER: 'true',
      REDIS_URL: 'redis://:hunter2@127.0.0.1:1,127.0.0.1:2',
    });
    const err = await assertRedis(cluster, 500).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisUnavailableError);
    expect((err as Error).message).toContain(
      'the Redis Cluster seeded from redis://***@127.0.0.1:1,127.0.0.1:2',
    );
    expect((err as Error).message).not.toContain('hunter2');
    const sentinel = settings({ REDIS_SENTINELS: '127.0.0.1:1', REDIS_SENTINEL_NAME: 'main' });
    expect(describeRedis(sentinel)).toBe('the primary "main" of Sentinels 127.0.0.1:1');
    await expect(assertRedis(sentinel, 500)).rejects.toThrow(/No Redis answers at the primary "main"/);
  });
});
