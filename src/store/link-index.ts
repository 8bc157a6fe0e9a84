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
 * bytes than a set per bucket. Numbers count up, one per link, so the window is a range: the
 * newest `window` numbers; an older one is no candidate. The script reads the numbers in the
 * record's buckets (within the window, its own left out), their ids and stored values; then,
 * when ARGV[2] holds a value, stores the record under a new number: into its buckets (their
 * values kept from the lookup, no second read), its old number forgotten (the old number's
 * bucket entries lead nowhere and go when they leave the window). Keeping memory bounded: one
 * band in four is swept as it is read (the numbers outside the window dropped from every field
 * of that bucket hash; a hash of n > 16 fields on one such visit in n/16, so a sweep reads about
 * 16 fields however large the index), and the numbers that left the window leave the two maps, a few per
 * link. A stored value of another scheme is returned, for the caller to take it out of that
 * scheme's buckets. KEYS: signatures hash, numbers hash, counter, trimmed counter, then one
 * bucket hash per band. ARGV: id, `site hex` or '', window, scheme, then one field per band
 * (ARGV[i] is the field of KEYS[i]).
 */
const LINK = `
local id, value, window, scheme = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local top = tonumber(redis.call('GET', KEYS[3]) or '0')
local lo = top - window
local old = redis.call('HGET', KEYS[1], id)
local oldnum
if old then oldnum = string.match(old, '^' .. scheme .. ' (%d+) ') end
local seen, nums, found = {}, {}, {}
if oldnum then seen[oldnum] = true end
for i = 5, #KEYS do
  local v
  local sweep = value ~= '' and (i + top) % 4 == 0
  if sweep then
    -- Bounded work: a hash of n fields is swept on one visit in n/16 (the buckets' first digits
    -- are skewed, so a few hashes hold thousands of fields); about 16 fields a visit, whatever n.
    local n = redis.call('HLEN', KEYS[i])
    sweep = n <= 16 or (math.floor(top / 4) + i) % math.ceil(n / 16) == 0
  end
  if sweep then
    local all, dead = redis.call('HGETALL', KEYS[i]), {}
    for j = 1, #all, 2 do
      local keep = {}
      for n in string.gmatch(all[j + 1], '%d+') do if tonumber(n) > lo then keep[#keep + 1] = n end end
      local now = table.concat(keep, ' ')
      if all[j] == ARGV[i] then v = now
      elseif now == '' then dead[#dead + 1] = all[j]
      elseif now ~= all[j + 1] then redis.call('HSET', KEYS[i], all[j], now) end
    end
    if #dead > 0 then redis.call('HDEL', KEYS[i], unpack(dead)) end
  else
    v = redis.call('HGET', KEYS[i], ARGV[i])
  end
  found[i] = v or ''
  if v then
    for n in string.gmatch(v, '%d+') do
      if not seen[n] and tonumber(n) > lo then seen[n] = true; nums[#nums + 1] = n end
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
  if oldnum then redis.call('HDEL', KEYS[2], oldnum) elseif old then other = old end
  local num = top + 1
  redis.call('SET', KEYS[3], num)
  redis.call('HSET', KEYS[2], num, id)
  for i = 5, #KEYS do
    if found[i] == '' then redis.call('HSET', KEYS[i], ARGV[i], num)
    else
      -- A bucket keeps its newest 32 numbers: boilerplate many records share makes a few
      -- buckets popular, and reading them whole made each link cost more as the index grew;
      -- a copy shares many buckets, so the newest few of a popular one lose nothing.
      local parts = {}
      for n in string.gmatch(found[i], '%d+') do parts[#parts + 1] = n end
      redis.call('HSET', KEYS[i], ARGV[i], table.concat(parts, ' ', math.max(1, #parts - 30)) .. ' ' .. num)
    end
  end
  redis.call('HSET', KEYS[1], id, scheme .. ' ' .. num .. ' ' .. value)
  local trimmed = tonumber(redis.call('GET', KEYS[4]) or '0')
  local upto = math.min(num - window, trimmed + 4)
  if upto > trimmed then
    for n = trimmed + 1, upto do
      local gone = redis.call('HGET', KEYS[2], n)
      if gone then
        redis.call('HDEL', KEYS[2], n)
        local v = redis.call('HGET', KEYS[1], gone)
        if v and string.match(v, '^%d+ (%d+) ') == tostring(n) then redis.call('HDEL', KEYS[1], gone) end
      end
    end
    redis.call('SET', KEYS[4], upto)
  end
end
return {ids, values, other}
`;

type LinkReply = [string[], string[], string];
type WithLink = RedisClient & { plLink(...args: (string | number)[]): Promise<LinkReply> };

/** Hex digits of a bucket that name its hash; the rest name its field. */
const KEY_DIGITS = 3;

/**
 * The near-duplicate index in Redis: a hash of id → `scheme number site signature`
 * (src/links/minhash.ts), a hash of number → id, and the LSH buckets as fields of hashes, for
 * the newest LINK_WINDOW records linked (a record linked again counts as new): its memory is
 * bounded by the window, not the archive. Linking a record is one round trip (a Lua script:
 * the candidates' signatures, then the record's entry stored). Entries of another signature scheme
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
      linkTrimmed: string;
      lsh: (bucket: string) => string;
    },
    /** Records kept (LINK_WINDOW): copies are looked for among the newest this many. */
    private readonly window: number,
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
    const split = BAND_DIGITS - KEY_DIGITS;
    return to.plLink(
      4 + buckets.length,
      this.keys.minhash,
      this.keys.linkIds,
      this.keys.linkNext,
      this.keys.linkTrimmed,
      ...buckets.map((b) => this.keys.lsh(b.slice(0, b.length - split))),
      entry.id,
      store ? `${entry.site} ${encodeSignature(entry.signature)}` : '',
      this.window,
      SCHEME,
      ...buckets.map((b) => b.slice(b.length - split)),
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
