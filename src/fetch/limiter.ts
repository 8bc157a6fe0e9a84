import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A slot to send one request to a host. Call `sent()` as soon as the response headers
 * arrive (or the request failed): the request has then surely reached the server, and the
 * host's interval starts from that moment. Call `release()` when the body has been read.
 */
export interface Permit {
  sent(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and at least
 * `minIntervalMs` between two requests as the server sees them arrive. A permit is granted
 * only when no other request to the host is still on its way (sent, no headers yet), and
 * not before `minIntervalMs` after the previous one's headers arrived (or its permit, if
 * later): the next request cannot leave before the previous one has surely arrived.
 */
export interface HostLimiter {
  acquire(host: string): Promise<Permit>;
}

export interface LimiterOptions {
  /** Least time between two requests to one host. @defaultValue 1000 */
  minIntervalMs: number;
  /** Requests in flight to one host. @defaultValue 2 */
  concurrency: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A permit whose `onSent` and `onRelease` each run once, `onSent` first, however often they are called. */
function permit(onSent: () => Promise<void> | void, onRelease: () => Promise<void> | void): Permit {
  let sent = false;
  let released = false;
  const markSent = async () => {
    if (sent) return;
    sent = true;
    await onSent();
  };
  return {
    sent: markSent,
    release: async () => {
      await markSent();
      if (released) return;
      released = true;
      await onRelease();
    },
  };
}

/** One process's limiter, for `pressline process` and tests: holds within this process only. */
export class MemoryHostLimiter implements HostLimiter {
  private readonly hosts = new Map<
    string,
    { active: number; next: number; pending: boolean; waiters: (() => void)[] }
  >();

  constructor(private readonly opts: LimiterOptions) {}

  async acquire(host: string): Promise<Permit> {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, next: 0, pending: false, waiters: [] }));
    const state = s;
    const wake = () => {
      for (const w of state.waiters.splice(0)) w();
    };
    for (;;) {
      const now = Date.now();
      if (state.active < this.opts.concurrency && !state.pending && now >= state.next) {
        state.active++;
        // With no interval to keep, requests need not wait for each other's headers.
        state.pending = this.opts.minIntervalMs > 0;
        state.next = now + this.opts.minIntervalMs;
        return permit(
          () => {
            state.pending = false;
            state.next = Math.max(state.next, Date.now() + this.opts.minIntervalMs);
            wake();
          },
          () => {
            state.active--;
            wake();
          },
        );
      }
      if (state.active >= this.opts.concurrency || state.pending)
        await new Promise<void>((r) => state.waiters.push(r));
      else await sleep(state.next - now);
    }
  }
}

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
    private readonly redis: Redis,
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
