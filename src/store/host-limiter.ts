import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from './connection.js';
import { permit, type HostLimiter, type LimiterOptions, type Permit } from '../fetch/limiter.js';

// Grants a permit on Redis's clock, so it holds across processes and hosts.
// KEYS: next start, leases (sorted set), pending (the request on its way).
// ARGV: interval, concurrency, lease ms, token, pending ms.
// Returns 0 (granted), -1 (wait for a slot or for the pending request) or ms to wait.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
if redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < nxt then return nxt - now end
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], now + interval, 'PX', math.max(interval * 2, 1000))
if interval > 0 then redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5]) end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 0
`;

// The request has arrived (headers came back, or it failed): the interval counts from now.
const SENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
local interval = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + interval > nxt then redis.call('SET', KEYS[1], now + interval, 'PX', math.max(interval * 2, 1000)) end
return 0
`;

/**
 * The limiter every worker process shares, kept in Redis under `…:host:<host>:*`. A lease
 * expires after `leaseMs` and a pending mark after `pendingMs`, so a process that died
 * holding one frees the host.
 */
export class RedisHostLimiter implements HostLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyOf: (host: string, part: string) => string,
    private readonly opts: LimiterOptions & { leaseMs: number; pendingMs: number },
  ) {}

  async acquire(host: string): Promise<Permit> {
    const token = randomUUID();
    const [next, leases, pending] = [
      this.keyOf(host, 'next'),
      this.keyOf(host, 'leases'),
      this.keyOf(host, 'pending'),
    ];
    const interval = this.opts.minIntervalMs;
    for (;;) {
      const r = Number(
        await this.redis.eval(
          ACQUIRE,
          3,
          next,
          leases,
          pending,
          interval,
          this.opts.concurrency,
          this.opts.leaseMs,
          token,
          this.opts.pendingMs,
        ),
      );
      if (r === 0) {
        return permit(
          async () => {
            await this.redis.eval(SENT, 2, next, pending, interval, token);
          },
          async () => {
            await this.redis.zrem(leases, token);
          },
        );
      }
      // Jitter spreads waiting processes, so they do not all ask again at the same instant.
      const wait = r < 0 ? Math.min(10, interval || 10) : r;
      await sleep(wait + Math.random() * Math.min(5, interval / 4 + 1));
    }
  }
}
