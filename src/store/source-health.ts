import type { RedisClient } from './connection.js';

/** What the dashboard shows of one discovery source. */
export interface SourceHealth {
  name: string;
  enabled: boolean;
  lastRunAt: string | null;
  itemsFound: number | null;
  lastError: string | null;
  /** When the source last answered. */
  lastOkAt?: string | null;
  /** Failed runs in a row (0 when the last run worked). */
  failures?: number;
  /** When the scheduler tries an unreachable source again. */
  nextTryAt?: string | null;
  /** Fetch jobs the last run queued. */
  queued?: number | null;
  /** Documents seen before that discovery asked for again, since the first run. */
  rechecks?: number;
  /** Documents fetched before that came back changed (a new version), since the first run. */
  versionsFound?: number;
  /** Items the last run could not queue, and why the first of them could not. */
  skipped?: number;
  lastWarning?: string | null;
}

/** How each discovery source last ran: one Redis hash per source. */
export class SourceHealthStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyOf: (source: string) => string,
  ) {}

  /** Records a run that worked: the error is cleared. */
  async recordOk(
    name: string,
    r: { found: number; queued: number; rechecked?: number; skipped?: number; warning?: string | null },
    at = new Date(),
  ): Promise<void> {
    if (r.rechecked) await this.redis.hincrby(this.keyOf(name), 'rechecks', r.rechecked);
    await this.redis.hset(this.keyOf(name), {
      lastRunAt: at.toISOString(),
      lastOkAt: at.toISOString(),
      itemsFound: String(r.found),
      queued: String(r.queued),
      skipped: String(r.skipped ?? 0),
      lastWarning: r.warning ?? '',
      lastError: '',
      failures: '0',
      nextTryAt: '',
    });
  }

  /** Counts a new version of a document the source had given before. */
  async versionFound(name: string): Promise<void> {
    await this.redis.hincrby(this.keyOf(name), 'versionsFound', 1);
  }

  /**
   * Records a failed run; returns how many have failed in a row and when to try again
   * (null when `retryInMs` says not to: a permanent failure waits for its next scheduled run).
   */
  async recordFailure<T extends number | null>(
    name: string,
    error: string,
    retryInMs: (failures: number) => T,
    at = new Date(),
  ): Promise<{ failures: number; nextTryAt: T extends number ? Date : Date | null }> {
    const key = this.keyOf(name);
    const failures = await this.redis.hincrby(key, 'failures', 1);
    const delay = retryInMs(failures);
    const nextTryAt = delay === null ? null : new Date(at.getTime() + delay);
    await this.redis.hset(key, {
      lastRunAt: at.toISOString(),
      lastError: error,
      nextTryAt: nextTryAt?.toISOString() ?? '',
    });
    return { failures, nextTryAt: nextTryAt as T extends number ? Date : Date | null };
  }

  /** The health of every configured source; a sources file that cannot be read is one row saying why. */
  async all(sources: () => Promise<readonly { name: string; enabled: boolean }[]>): Promise<SourceHealth[]> {
    let list;
    try {
      list = await sources();
    } catch (err) {
      return [
        {
          name: '(sources file)',
          enabled: false,
          lastRunAt: null,
          itemsFound: null,
          lastError: (err as Error).message,
        },
      ];
    }
    return Promise.all(
      list.map(async (s): Promise<SourceHealth> => {
        const h = await this.redis.hgetall(this.keyOf(s.name));
        const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
        return {
          name: s.name,
          enabled: s.enabled,
          lastRunAt: h.lastRunAt || null,
          itemsFound: num(h.itemsFound),
          lastError: h.lastError || null,
          lastOkAt: h.lastOkAt || null,
          failures: Number(h.failures ?? 0),
          nextTryAt: h.nextTryAt || null,
          queued: num(h.queued),
          rechecks: Number(h.rechecks ?? 0),
          versionsFound: Number(h.versionsFound ?? 0),
          skipped: Number(h.skipped ?? 0),
          lastWarning: h.lastWarning || null,
        };
      }),
    );
  }
}
