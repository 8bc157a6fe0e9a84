import type { RedisClient } from './connection.js';
import type { Site } from '../schemas/record.js';
import type { Keyspace } from './keys.js';

/** A document discovery will ask for again: where it is, and when it was first seen. */
export interface RecheckItem {
  docId: string;
  url: string;
  site: Site;
  /** Epoch ms: when discovery first queued it. */
  firstSeen: number;
}

/**
 * What each source re-checks: per source a sorted set (document → when last checked, epoch
 * ms) and a hash (document → its URL, site and first sighting). The oldest-checked come
 * first, so a source's documents are re-checked in turn, a few per run; a document past
 * the window leaves both when its turn comes.
 */
export class RecheckStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Pick<Keyspace, 'recheck' | 'recheckMeta'>,
  ) {}

  /** Remembers documents just queued (checked now); a document already known keeps its first sighting. */
  async track(source: string, items: readonly RecheckItem[], now: Date): Promise<void> {
    if (!items.length) return;
    const meta = this.keys.recheckMeta(source);
    const known = await this.redis.hmget(meta, ...items.map((i) => i.docId));
    const multi = this.redis.multi();
    items.forEach((item, i) => {
      const prev = known[i] ? (JSON.parse(known[i]) as RecheckItem) : null;
      const firstSeen = Math.min(prev?.firstSeen ?? item.firstSeen, item.firstSeen);
      multi.hset(meta, item.docId, JSON.stringify({ ...item, firstSeen }));
      multi.zadd(this.keys.recheck(source), now.getTime(), item.docId);
    });
    await multi.exec();
  }

  /**
   * Up to `limit` documents whose last check is older than `everyMs`, oldest first, first
   * seen within `windowMs`; those past the window are forgotten on the way.
   */
  async due(
    source: string,
    opts: { now: Date; windowMs: number; everyMs: number; limit: number },
  ): Promise<RecheckItem[]> {
    const set = this.keys.recheck(source);
    const meta = this.keys.recheckMeta(source);
    const out: RecheckItem[] = [];
    const cutoff = opts.now.getTime() - opts.everyMs;
    while (out.length < opts.limit) {
      // Past the ones kept so far (the expired are removed, so they shift nothing).
      const ids = await this.redis.zrangebyscore(
        set,
        '-inf',
        cutoff,
        'LIMIT',
        out.length,
        opts.limit - out.length,
      );
      if (!ids.length) break;
      const values = await this.redis.hmget(meta, ...ids);
      const expired: string[] = [];
      ids.forEach((id, i) => {
        const item = values[i] ? (JSON.parse(values[i]) as RecheckItem) : null;
        if (item && item.firstSeen >= opts.now.getTime() - opts.windowMs) out.push(item);
        else expired.push(id);
      });
      if (!expired.length) break;
      await this.redis
        .multi()
        .zrem(set, ...expired)
        .hdel(meta, ...expired)
        .exec();
    }
    return out;
  }

  /** Marks documents as checked now: they go to the back of the line. */
  async checked(source: string, ids: readonly string[], now: Date): Promise<void> {
    if (!ids.length) return;
    const args = ids.flatMap((id) => [now.getTime(), id]);
    await this.redis.zadd(this.keys.recheck(source), 'XX', ...args);
  }

  /** How many documents the source re-checks now (inside its window or not yet pruned). */
  async size(source: string): Promise<number> {
    return this.redis.zcard(this.keys.recheck(source));
  }
}
