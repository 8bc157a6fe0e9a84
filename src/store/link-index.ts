import type { RedisClient } from './connection.js';
import {
  bucketsOf,
  decodeSignature,
  encodeSignature,
  type LinkEntry,
  type LinkIndex,
} from '../links/index.js';
import { Site } from '../schemas/record.js';

/**
 * The near-duplicate index in Redis: a hash of id → `site signature` (base64 MinHash) and one
 * set of ids per LSH bucket. A lookup is one pipelined round trip for the buckets and one for
 * the candidates' signatures, whatever the number of records.
 */
export class RedisLinkIndex implements LinkIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: { minhash: string; lsh: (bucket: string) => string },
  ) {}

  async candidates(buckets: readonly string[]): Promise<LinkEntry[]> {
    const pipe = this.redis.pipeline();
    for (const b of buckets) pipe.smembers(this.keys.lsh(b));
    const ids = new Set<string>();
    for (const [, members] of (await pipe.exec()) ?? [])
      for (const id of (members as string[] | null) ?? []) ids.add(id);
    if (ids.size === 0) return [];
    const list = [...ids];
    const values = await this.redis.hmget(this.keys.minhash, ...list);
    return list.flatMap((id, i) => {
      const e = parse(id, values[i] ?? null);
      return e ? [e] : [];
    });
  }

  async get(id: string): Promise<LinkEntry | null> {
    return parse(id, await this.redis.hget(this.keys.minhash, id));
  }

  async put(entry: LinkEntry, buckets: readonly string[]): Promise<void> {
    const old = await this.get(entry.id);
    const multi = this.redis.multi();
    for (const b of old ? bucketsOf(old.signature) : []) multi.srem(this.keys.lsh(b), entry.id);
    for (const b of buckets) multi.sadd(this.keys.lsh(b), entry.id);
    multi.hset(this.keys.minhash, entry.id, `${entry.site} ${encodeSignature(entry.signature)}`);
    await multi.exec();
  }
}

function parse(id: string, value: string | null): LinkEntry | null {
  if (!value) return null;
  const [site, sig] = value.split(' ');
  const signature = sig ? decodeSignature(sig) : null;
  const s = Site.safeParse(site);
  return signature && s.success ? { id, site: s.data, signature } : null;
}
