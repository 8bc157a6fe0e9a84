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
 * The candidates of a set of buckets in one call. KEYS: the signatures hash, then each bucket's
 * set. Returns id, value, id, value… for every distinct id in any of the sets.
 */
const CANDIDATES = `local seen, ids = {}, {}
for i = 2, #KEYS do
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[i])) do
    if not seen[id] then seen[id] = true; ids[#ids + 1] = id end
  end
end
if #ids == 0 then return {} end
local values = redis.call('HMGET', KEYS[1], unpack(ids))
local out = {}
for i, id in ipairs(ids) do out[#out + 1] = id; out[#out + 1] = values[i] or '' end
return out`;

/**
 * Stores a new entry in one call, when the id has none or the same one. KEYS: the signatures
 * hash, then each bucket's set. ARGV: id, value. Returns 1 when stored; 0, writing nothing, when
 * the id has another entry (whose buckets the caller must leave first).
 */
const PUT_NEW = `local old = redis.call('HGET', KEYS[1], ARGV[1])
if old and old ~= ARGV[2] then return 0 end
for i = 2, #KEYS do redis.call('SADD', KEYS[i], ARGV[1]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

type WithScripts = RedisClient & {
  plLinkCandidates(numKeys: number, ...args: string[]): Promise<string[]>;
  plLinkPutNew(numKeys: number, ...args: string[]): Promise<number>;
};

/**
 * The near-duplicate index in Redis: a hash of id → `site signature` (base64 MinHash) and one
 * set of ids per LSH bucket. A lookup is one script call for the buckets and the candidates'
 * signatures, whatever the number of records; storing a new record's entry is one more (a
 * record whose text changed also leaves its old buckets, in a MULTI).
 */
export class RedisLinkIndex implements LinkIndex {
  private readonly redis: WithScripts;

  constructor(
    redis: RedisClient,
    private readonly keys: { minhash: string; lsh: (bucket: string) => string },
  ) {
    // Defined once per connection (sent by sha); the keys are passed, so they work on a cluster too.
    if (!('plLinkCandidates' in redis)) {
      redis.defineCommand('plLinkCandidates', { lua: CANDIDATES });
      redis.defineCommand('plLinkPutNew', { lua: PUT_NEW });
    }
    this.redis = redis as WithScripts;
  }

  async candidates(buckets: readonly string[]): Promise<LinkEntry[]> {
    if (buckets.length === 0) return [];
    const keys = [this.keys.minhash, ...buckets.map(this.keys.lsh)];
    const flat = await this.redis.plLinkCandidates(keys.length, ...keys);
    const out: LinkEntry[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const e = parse(flat[i]!, flat[i + 1] || null);
      if (e) out.push(e);
    }
    return out;
  }

  async get(id: string): Promise<LinkEntry | null> {
    return parse(id, await this.redis.hget(this.keys.minhash, id));
  }

  async put(entry: LinkEntry, buckets: readonly string[]): Promise<void> {
    const value = `${entry.site} ${encodeSignature(entry.signature)}`;
    const keys = [this.keys.minhash, ...buckets.map(this.keys.lsh)];
    if (Number(await this.redis.plLinkPutNew(keys.length, ...keys, entry.id, value)) === 1) return;
    // A new version of a record already indexed: leave its old buckets.
    const old = await this.get(entry.id);
    const multi = this.redis.multi();
    for (const b of old ? bucketsOf(old.signature) : []) multi.srem(this.keys.lsh(b), entry.id);
    for (const b of buckets) multi.sadd(this.keys.lsh(b), entry.id);
    multi.hset(this.keys.minhash, entry.id, value);
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
