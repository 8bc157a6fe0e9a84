import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Releases a slot taken with {@link HostLimiter.acquire}. */
export type Release = () => Promise<void>;

/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and at least
 * `minIntervalMs` between the start of two requests to it. `acquire` waits for both.
 */
export interface HostLimiter {
  acquire(host: string): Promise<Release>;
}

export interface LimiterOptions {
  /** Least time between two requests to one host. @defaultValue 1000 */
  minIntervalMs: number;
  /** Requests in flight to one host. @defaultValue 2 */
  concurrency: number;
}

/**
 * The spacing the limiter actually keeps: a little wider than the interval (20 %, at most
 * 100 ms), so the gap still holds as the server sees it after the few milliseconds between
 * a permit and the request leaving the socket (event loop, a new connection).
 */
export const spacingFor = (minIntervalMs: number): number => minIntervalMs + Math.min(100, Math.ceil(minIntervalMs * 0.2));

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One process's limiter, for `pressline process` and tests: holds within this process only. */
export class MemoryHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, { active: number; next: number; waiters: (() => void)[] }>();

  constructor(private readonly opts: LimiterOptions) {}

  async acquire(host: string): Promise<Release> {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, next: 0, waiters: [] }));
    const state = s;
    for (;;) {
      const now = Date.now();
      if (state.active < this.opts.concurrency && now >= state.next) {
        state.active++;
        state.next = now + spacingFor(this.opts.minIntervalMs);
        let released = false;
        return async () => {
          if (released) return;
          released = true;
          state.active--;
          state.waiters.shift()?.();
        };
      }
      if (state.active >= this.opts.concurrency) await new Promise<void>((r) => state.waiters.push(r));
      else await sleep(state.next - now);
    }
  }
}

// Takes a slot and the host's next start time in one step, on Redis's clock, so it holds
// across processes and hosts. Returns 0 (granted), -1 (no free slot) or ms to wait.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < nxt then return nxt - now end
local spacing = tonumber(ARGV[1])
redis.call('SET', KEYS[1], now + spacing, 'PX', math.max(spacing * 2, 1000))
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 0
`;

/**
 * The limiter every worker process shares: state in Redis (`…:host:<host>:next` and a
 * sorted set of leases). A lease expires after `leaseMs`, so a process that died holding
 * one frees its slot.
 */
export class RedisHostLimiter implements HostLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (host: string, part: string) => string,
    private readonly opts: LimiterOptions & { leaseMs: number },
  ) {}

  async acquire(host: string): Promise<Release> {
    const token = randomUUID();
    const nextKey = this.keyOf(host, 'next');
    const leases = this.keyOf(host, 'leases');
    const spacing = spacingFor(this.opts.minIntervalMs);
    for (;;) {
      const r = Number(await this.redis.eval(ACQUIRE, 2, nextKey, leases, spacing, this.opts.concurrency, this.opts.leaseMs, token));
      if (r === 0) {
        let released = false;
        return async () => {
          if (released) return;
          released = true;
          await this.redis.zrem(leases, token);
        };
      }
      // Jitter spreads waiting processes, so they do not all ask again at the same instant.
      const wait = r < 0 ? Math.min(50, spacing) : r;
      await sleep(wait + Math.random() * Math.min(10, spacing / 4 + 1));
    }
  }
}
