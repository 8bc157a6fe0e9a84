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
export function permit(onSent: () => Promise<void> | void, onRelease: () => Promise<void> | void): Permit {
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
