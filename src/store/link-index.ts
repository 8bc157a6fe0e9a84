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
 * band hash; ARGV: each bucket's field in it. Returns id, value, id, value… for every distinct
 * id in any of the buckets.
 */
const CANDIDATES = `local seen, ids = {}, {}
for i = 2, #KEYS do
  local list = redis.call('HGET', KEYS[i], ARGV[i - 1])
  if list then
    for id in string.gmatch(list, '[^\\n]+') do
      if not seen[id] then seen[id] = true; ids[#ids + 1] = id end
    end
  end
end
if #ids == 0 then return {} end
local values = redis.call('HMGET', KEYS[1], unpack(ids))
local out = {}
for i, id in ipairs(ids) do out[#out + 1] = id; out[#out + 1] = values[i] or '' end
return out`;

/**
 * Stores an entry in one call. KEYS: the signatures hash, then the band hash of each bucket to
 * leave, then of each bucket to join. ARGV: id, value, whether the id may have another entry
 * ('1': the caller gives its buckets to leave), how many buckets to leave, then the fields of
 * the buckets to leave and to join. Returns 0, writing nothing, when the id has another entry
 * and the caller did not say so (it then reads the old entry and calls again); 1 when stored.
 */
const PUT = `local id, value, known, nOld = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local old = redis.call('HGET', KEYS[1], id)
if old and old ~= value and known ~= '1' then return 0 end
local nl = string.char(10)
for i = 1, nOld do
  local key, field = KEYS[1 + i], ARGV[4 + i]
  local list = redis.call('HGET', key, field)
  if list then
    local kept = {}
    for other in string.gmatch(list, '[^\\n]+') do if other ~= id then kept[#kept + 1] = other end end
    if #kept == 0 then redis.call('HDEL', key, field) else redis.call('HSET', key, field, table.concat(kept, nl)) end
  end
end
for i = 2 + nOld, #KEYS do
  local key, field = KEYS[i], ARGV[3 + i]
  local list = redis.call('HGET', key, field)
  if not list then
    redis.call('HSET', key, field, id)
  elseif not string.find(nl .. list .. nl, nl .. id .. nl, 1, true) then
    redis.call('HSET', key, field, list .. nl .. id)
  end
end
redis.call('HSET', KEYS[1], id, value)
return 1`;

type WithScripts = RedisClient & {
  plLinkCandidates(numKeys: number, ...args: string[]): Promise<string[]>;
  plLinkPut(numKeys: number, ...args: (string | number)[]): Promise<number>;
};

/** A bucket (`<band>:<hash>`) as where it is kept: the band's hash, and the field in it. */
const placeOf = (bucket: string): [band: string, field: string] => {
  const at = bucket.indexOf(':');
  return [bucket.slice(0, at), bucket.slice(at + 1)];
};

/**
 * The near-duplicate index in Redis: a hash of id → `site signature` (base64 MinHash), and one
 * hash per LSH band whose fields are that band's buckets, each holding the ids in it
 * (newline-separated). A bucket as a field rather than a key of its own keeps a record's 64
 * bucket entries at about 5 kB instead of 15 kB of Redis memory. A lookup is one script call
 * for the buckets and the candidates' signatures, whatever the number of records; storing an
 * entry is one more (two when a record's text changed and it leaves its old buckets).
 */
export class RedisLinkIndex implements LinkIndex {
  private readonly redis: WithScripts;

  constructor(
    redis: RedisClient,
    private readonly keys: { minhash: string; lsh: (band: string) => string },
  ) {
    // Defined once per connection (sent by sha); the keys are passed, so they work on a cluster too.
    if (!('plLinkCandidates' in redis)) {
      redis.defineCommand('plLinkCandidates', { lua: CANDIDATES });
      redis.defineCommand('plLinkPut', { lua: PUT });
    }
    this.redis = redis as WithScripts;
  }

  async candidates(buckets: readonly string[]): Promise<LinkEntry[]> {
    if (buckets.length === 0) return [];
    const places = buckets.map(placeOf);
    const keys = [this.keys.minhash, ...places.map(([band]) => this.keys.lsh(band))];
    const flat = await this.redis.plLinkCandidates(keys.length, ...keys, ...places.map(([, f]) => f));
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
    if ((await this.store(entry.id, value, buckets, null)) === 1) return;
    // A new version of a record already indexed: it leaves its old buckets.
    const old = await this.get(entry.id);
    await this.store(entry.id, value, buckets, old ? bucketsOf(old.signature) : []);
  }

  private store(
    id: string,
    value: string,
    buckets: readonly string[],
    leave: readonly string[] | null,
  ): Promise<number> {
    const out = (leave ?? []).map(placeOf);
    const into = buckets.map(placeOf);
    const keys = [this.keys.minhash, ...[...out, ...into].map(([band]) => this.keys.lsh(band))];
    return this.redis.plLinkPut(
      keys.length,
      ...keys,
      id,
      value,
      leave ? '1' : '0',
      out.length,
      ...[...out, ...into].map(([, field]) => field),
    );
  }
}

function parse(id: string, value: string | null): LinkEntry | null {
  if (!value) return null;
  const [site, sig] = value.split(' ');
  const signature = sig ? decodeSignature(sig) : null;
  const s = Site.safeParse(site);
  return signature && s.success ? { id, site: s.data, signature } : null;
}
