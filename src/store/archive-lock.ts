import { randomUUID } from 'node:crypto';
import type { RedisClient } from './connection.js';
import { TransientError } from '../errors.js';
import type { ArchiveLock } from '../sinks/archive-lock.js';

// Renews only a lock this process still holds (its token), so an expired one is never revived.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface RedisArchiveLockOptions {
  /** How long the lock outlives a holder that died. @defaultValue 10000 */
  ttlMs?: number;
  /** How long to wait for the lock before failing the delivery (it is retried). @defaultValue 30000 */
  waitMs?: number;
}

/**
 * An {@link ArchiveLock} in Redis: `SET key token NX PX ttl`, a random token per holding.
 * A holder killed mid-write leaves the lock to expire after `ttlMs`; `fence()` renews it only
 * while the token is still ours, and throws (a retried error) when it is not.
 */
export class RedisArchiveLock implements ArchiveLock {
  private readonly ttlMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
    opts: RedisArchiveLockOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.waitMs = opts.waitMs ?? 30_000;
  }

  async run<T>(fn: (fence: () => Promise<void>) => Promise<T>): Promise<T> {
    const token = randomUUID();
    const until = Date.now() + this.waitMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      if ((await this.redis.set(this.key, token, 'PX', this.ttlMs, 'NX')) === 'OK') break;
      if (Date.now() > until)
        throw new TransientError(
          'ERR_ARCHIVE_LOCK_TIMEOUT',
          `the archive lock ${this.key} stayed taken for ${this.waitMs} ms: another process is writing or died holding it; the delivery is retried`,
        );
      await new Promise((r) => setTimeout(r, pause + Math.random() * pause));
    }
    const fence = async (): Promise<void> => {
      if (Number(await this.redis.eval(RENEW, 1, this.key, token, this.ttlMs)) !== 1)
        throw new TransientError(
          'ERR_ARCHIVE_LOCK_LOST',
          `the archive lock ${this.key} expired before the write (this process was paused longer than ${this.ttlMs} ms): nothing written, the delivery is retried`,
        );
    };
    try {
      return await fn(fence);
    } finally {
      await this.redis.eval(RELEASE, 1, this.key, token).catch(() => {});
    }
  }
}
