import type { RedisClient } from './connection.js';
import { z } from 'zod';
import { Site } from '../schemas/record.js';

/** What the fetch stage last stored for a record: enough to derive it again, and to ask the server for changes only. */
export const FetchEntry = z.object({
  docId: z.string(),
  url: z.string().nullable(),
  path: z.string().nullable().default(null),
  site: Site,
  source: z.string().nullable().default(null),
  contentType: z.string(),
  rawSha256: z.string(),
  fetchedAt: z.string(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
});
export type FetchEntry = z.infer<typeof FetchEntry>;

/** Record id → its latest raw snapshot and validators. */
export interface FetchIndex {
  get(docId: string): Promise<FetchEntry | null>;
  put(entry: FetchEntry): Promise<void>;
  /** Every record id in the index. */
  ids(): Promise<string[]>;
}

/** In one process only (`pressline process`, tests). */
export class MemoryFetchIndex implements FetchIndex {
  private readonly map = new Map<string, FetchEntry>();
  async get(docId: string) {
    return this.map.get(docId) ?? null;
  }
  async put(entry: FetchEntry) {
    this.map.set(entry.docId, entry);
  }
  async ids() {
    return [...this.map.keys()];
  }
}

/** One Redis hash (`keys.fetched`), field = record id, value = the entry as JSON. */
export class RedisFetchIndex implements FetchIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
  ) {}

  async get(docId: string): Promise<FetchEntry | null> {
    const raw = await this.redis.hget(this.key, docId);
    if (!raw) return null;
    const parsed = FetchEntry.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  async put(entry: FetchEntry): Promise<void> {
    await this.redis.hset(this.key, entry.docId, JSON.stringify(entry));
  }

  async ids(): Promise<string[]> {
    return (await this.redis.hkeys(this.key)).sort();
  }
}
