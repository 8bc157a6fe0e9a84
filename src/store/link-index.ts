import type { RedisClient } from './connection.js';
import {
  BAND_DIGITS,
  bucketsOf,
  decodeSignature,
  encodeSignature,
  SCHEME,
  type LinkEntry,
  type LinkIndex,
} from '../links/index.js';
import { legacyBucketsOf } from '../links/legacy.js';
import { Site } from '../schemas/record.js';

/**
 * One round trip for a link. Buckets are fields of hashes (`<scheme>.<band>:<first 3 hex
 * digits>` → field: the other 5 → the records' numbers, space-separated): far fewer keys and
 * bytes than a set per bucket. The script reads the numbers in the record's buckets (its own
 * left out), their ids and stored values; then, when ARGV[2] holds a value, replaces the
 * record's entry: out of its old buckets (named from its stored signature, as `bucketsOf`
 * does), into the new ones (their values kept from the lookup, no second read), under its number (a new one from the counter for a new record).
 * A stored value of another scheme is returned, for the caller to take it out of that scheme's
 * buckets. KEYS: signatures hash, numbers hash, counter, then one bucket hash per band. ARGV:
 * id, `site hex` or '', bucket key prefix, scheme, hex digits per band, digits in the key,
 * then one field per band.
 */
const LINK = `
local id, value, prefix, scheme = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local width, split = tonumber(ARGV[5]), tonumber(ARGV[6])
local old = redis.call('HGET', KEYS[1], id)
local num, hex
if old then num, hex = string.match(old, '^' .. scheme .. ' (%d+) %S+ (%x+)$') end
local seen, nums, current = {}, {}, {}
if num then seen[num] = true end
for i = 4, #KEYS do
  local v = redis.call('HGET', KEYS[i], ARGV[i + 3])
  current[KEYS[i] .. ' ' .. ARGV[i + 3]] = v or ''
  if v then
    for n in string.gmatch(v, '%d+') do
      if not seen[n] then seen[n] = true; nums[#nums + 1] = n end
    end
  end
end
local ids, values = {}, {}
for i = 1, #nums, 1000 do
  local part = redis.call('HMGET', KEYS[2], unpack(nums, i, math.min(i + 999, #nums)))
  for j = 1, #part do if part[j] then ids[#ids + 1] = part[j] end end
end
for i = 1, #ids, 1000 do
  local part = redis.call('HMGET', KEYS[1], unpack(ids, i, math.min(i + 999, #ids)))
  for j = 1, #part do values[#values + 1] = part[j] or '' end
end
local other = ''
if value ~= '' then
  if hex then
    for b = 0, #hex / width - 1 do
      local band = string.sub(hex, b * width + 1, (b + 1) * width)
      local key, field = prefix .. scheme .. '.' .. b .. ':' .. string.sub(band, 1, split), string.sub(band, split + 1)
      local v = redis.call('HGET', key, field)
      if v then
        local rest = {}
        for n in string.gmatch(v, '%d+') do if n ~= num then rest[#rest + 1] = n end end
        local now = table.concat(rest, ' ')
        if now == '' then redis.call('HDEL', key, field) else redis.call('HSET', key, field, now) end
        if current[key .. ' ' .. field] then current[key .. ' ' .. field] = now end
      end
    end
  else
    if old then other = old end
    num = tostring(redis.call('INCR', KEYS[3]))
    redis.call('HSET', KEYS[2], num, id)
  end
  for i = 4, #KEYS do
    local field = ARGV[i + 3]
    local v = current[KEYS[i] .. ' ' .. field]
    if v == '' then
      redis.call('HSET', KEYS[i], field, num)
    elseif not string.find(' ' .. v .. ' ', ' ' .. num .. ' ', 1, true) then
      redis.call('HSET', KEYS[i], field, v .. ' ' .. num)
    end
  end
  redis.call('HSET', KEYS[1], id, scheme .. ' ' .. num .. ' ' .. value)
end
return {ids, values, other}
`;

type LinkReply = [string[], string[], string];
type WithLink = RedisClient & { plLink(...args: (string | number)[]): Promise<LinkReply> };

/** Hex digits of a bucket that name its hash; the rest name its field. */
const KEY_DIGITS = 3;

/**
 * The near-duplicate index in Redis: a hash of id → `scheme number site signature`
 * (src/links/minhash.ts), a hash of number → id, and the LSH buckets as fields of hashes.
 * Linking a record is one round trip (a Lua script: the candidates' signatures, then the
 * record's entry stored), whatever the number of records. Entries of another signature scheme
 * are never candidates: `pressline reprocess --all` signs every record again
 * (docs/versions-and-mirrors.md).
 */
export class RedisLinkIndex implements LinkIndex {
  private readonly redis: WithLink;

  constructor(
    redis: RedisClient,
    private readonly keys: {
      minhash: string;
      linkIds: string;
      linkNext: string;
      lsh: (bucket: string) => string;
    },
  ) {
    // Defined once per connection; ioredis sends it by sha (EVALSHA), the text only when Redis lacks it.
    if (!('plLink' in redis)) redis.defineCommand('plLink', { lua: LINK });
    this.redis = redis as WithLink;
  }

  async candidates(id: string, signature: Uint16Array): Promise<LinkEntry[]> {
    return this.entries(await this.send(this.redis, { id, site: 'generic', signature }, false));
  }

  async link(entry: LinkEntry): Promise<LinkEntry[]> {
    const reply = await this.send(this.redis, entry, true);
    await this.leaveLegacyBuckets(entry.id, reply[2]);
    return this.entries(reply);
  }

  async get(id: string): Promise<LinkEntry | null> {
    return parse(id, await this.redis.hget(this.keys.minhash, id));
  }

  /** Links many entries, pipelined in batches, without reading what they find (a bulk load: the bench). */
  async load(entries: readonly LinkEntry[], batch = 500): Promise<void> {
    for (let i = 0; i < entries.length; i += batch) {
      const part = entries.slice(i, i + batch);
      const pipe = this.redis.pipeline();
      for (const e of part) void this.send(pipe as unknown as WithLink, e, true);
      const replies = (await pipe.exec()) ?? [];
      for (const [k, [err, reply]] of replies.entries()) {
        if (err) throw err;
        await this.leaveLegacyBuckets(part[k]!.id, (reply as LinkReply)[2]);
      }
    }
  }

  private send(to: WithLink, entry: LinkEntry, store: boolean): Promise<LinkReply> {
    const buckets = bucketsOf(entry.signature);
    return to.plLink(
      3 + buckets.length,
      this.keys.minhash,
      this.keys.linkIds,
      this.keys.linkNext,
      ...buckets.map((b) => this.keys.lsh(b.slice(0, b.length - BAND_DIGITS + KEY_DIGITS))),
      entry.id,
      store ? `${entry.site} ${encodeSignature(entry.signature)}` : '',
      this.keys.lsh(''),
      SCHEME,
      BAND_DIGITS,
      KEY_DIGITS,
      ...buckets.map((b) => b.slice(b.length - BAND_DIGITS + KEY_DIGITS)),
    );
  }

  /** A record signed under scheme 1 before: out of that scheme's buckets (once per record). */
  private async leaveLegacyBuckets(id: string, legacy: string): Promise<void> {
    if (!legacy) return;
    const pipe = this.redis.pipeline();
    for (const b of legacyBucketsOf(legacy)) pipe.srem(this.keys.lsh(b), id);
    await pipe.exec();
  }

  private entries([ids, values]: LinkReply): LinkEntry[] {
    return ids.flatMap((id, i) => {
      const e = parse(id, values[i] ?? null);
      return e ? [e] : [];
    });
  }
}

/** A stored entry (`scheme number site signature`), or null when there is none or it is of another scheme. */
function parse(id: string, value: string | null): LinkEntry | null {
  const [scheme, , site, sig] = value?.split(' ') ?? [];
  if (scheme !== String(SCHEME) || !sig) return null;
  const signature = decodeSignature(sig);
  const s = Site.safeParse(site);
  return signature && s.success ? { id, site: s.data, signature } : null;
}
