import type { RedisClient } from './connection.js';

/** An item as the seen-store knows it: its last version (null when the listing gives none). */
export interface SeenVersion {
  version: string | null;
  at: string;
}

/**
 * Every item discovery ever queued, with the version it had (one Redis hash per pipeline,
 * field = record id). It outlives the fetch jobs, which BullMQ removes: an item is queued
 * again only when it is new or its version changed.
 */
export class SeenStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
  ) {}

  /** The known version of each id (undefined: never seen). */
  async get(ids: readonly string[]): Promise<Map<string, SeenVersion>> {
    const out = new Map<string, SeenVersion>();
    if (!ids.length) return out;
    const values = await this.redis.hmget(this.key, ...ids);
    ids.forEach((id, i) => {
      const v = values[i];
      if (v) out.set(id, JSON.parse(v) as SeenVersion);
    });
    return out;
  }

  async mark(id: string, version: string | null, at = new Date()): Promise<void> {
    await this.redis.hset(
      this.key,
      id,
      JSON.stringify({ version, at: at.toISOString() } satisfies SeenVersion),
    );
  }

  async size(): Promise<number> {
    return this.redis.hlen(this.key);
  }
}
