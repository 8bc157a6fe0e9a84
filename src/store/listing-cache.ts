import type { RedisClient } from './connection.js';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** The validators of each listing page (URL → ETag/Last-Modified), so an unchanged listing costs one 304. */
export class ListingValidators {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
  ) {}

  async get(url: string): Promise<Validators | null> {
    const v = await this.redis.hget(this.key, url);
    return v ? (JSON.parse(v) as Validators) : null;
  }

  /** Stored once a run has queued what the pages listed, so a crash mid-run lists them again. */
  async putAll(entries: ReadonlyMap<string, Validators>): Promise<void> {
    if (!entries.size) return;
    await this.redis.hset(
      this.key,
      Object.fromEntries([...entries].map(([url, v]) => [url, JSON.stringify(v)])),
    );
  }
}
