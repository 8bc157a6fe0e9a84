import type { RedisClient } from './connection.js';

/** Documents whose status is kept (failed ones are kept until retried or ingested again). */
export const RECENT_KEEP = 10_000;

/**
 * What a write does beside setting fields. `reset`: the document enters anew (its hash and
 * failure are cleared first); `failed`: it joins the failed index; `clear`: it leaves it;
 * `progress`: it leaves it and, when still queued, becomes processing; `keep`: neither.
 */
export type WriteMode = 'reset' | 'failed' | 'clear' | 'progress' | 'keep';

/** One status write of one document. */
export interface StatusWrite {
  docId: string;
  mode: WriteMode;
  fields: Record<string, string>;
  /** Fields to delete first. */
  drop?: readonly string[];
  /** A sink that delivered: counted once; the last of the document's sinks marks it published. */
  delivered?: string;
}

/**
 * Many status writes in one script call. KEYS: the index by last update, the index of failed
 * documents, the prefix of document hashes (all under one hash tag). ARGV: now (ms), now
 * (ISO), then per write: docId, mode, delivering sink (or ''), how many fields to delete,
 * how many field/value pairs to set, those fields, those pairs. Returns, per write, 1 when it
 * made the document published. Then the index is trimmed to the newest `keep` and the
 * hashes of documents trimmed from it are deleted unless they failed: status memory stays
 * bounded however many documents pass.
 */
const WRITE_MANY = `local index, failed, prefix = KEYS[1], KEYS[2], KEYS[3]
local nowMs, now, keep = ARGV[1], ARGV[2], tonumber(ARGV[3])
local out = {}
local i = 4
while i <= #ARGV do
  local id, mode, sink = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local ndel, nset = tonumber(ARGV[i + 3]), tonumber(ARGV[i + 4])
  local doc = prefix .. id
  i = i + 5
  if mode == 'reset' then
    redis.call('DEL', doc)
    redis.call('ZREM', failed, id)
  end
  if ndel > 0 then redis.call('HDEL', doc, unpack(ARGV, i, i + ndel - 1)) end
  i = i + ndel
  redis.call('HSET', doc, 'updatedAt', now, unpack(ARGV, i, i + 2 * nset - 1))
  i = i + 2 * nset
  redis.call('HSETNX', doc, 'createdAt', now)
  redis.call('HSETNX', doc, 'docId', id)
  if mode == 'failed' then
    redis.call('ZADD', failed, nowMs, id)
  elseif mode == 'clear' or mode == 'progress' then
    redis.call('ZREM', failed, id)
  end
  if mode == 'progress' and redis.call('HGET', doc, 'state') == 'queued' then
    redis.call('HSET', doc, 'state', 'processing')
  end
  local published = 0
  if sink ~= '' and redis.call('HSETNX', doc, 'done:' .. sink, '1') == 1 then
    local count = redis.call('HINCRBY', doc, 'delivered', 1)
    local sinks = cjson.decode(redis.call('HGET', doc, 'sinks') or '[]')
    if count >= #sinks then
      redis.call('HSET', doc, 'state', 'published')
      published = 1
    end
  end
  out[#out + 1] = published
  redis.call('ZADD', index, nowMs, id)
end
local extra = redis.call('ZCARD', index) - keep
if extra > 0 then
  for _, old in ipairs(redis.call('ZRANGE', index, 0, extra - 1)) do
    if not redis.call('ZSCORE', failed, old) then redis.call('DEL', prefix .. old) end
  end
  redis.call('ZREMRANGEBYRANK', index, 0, extra - 1)
end
return out`;

type WithScript = RedisClient & { plStatusWriteMany(...args: (string | number)[]): Promise<number[]> };

interface Pending {
  write: StatusWrite;
  resolve(published: boolean): void;
  reject(err: unknown): void;
}

/**
 * Sends status writes in batches: the writes made while one batch is on its way (or in the
 * same turn of the event loop) go together in the next script call. With 16 jobs at once in
 * each of six workers, that is a few calls for many writes instead of one round trip each.
 * Writes keep their order, so a later write of a document never lands before an earlier one.
 */
export class StatusWriter {
  private readonly redis: WithScript;
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    redis: RedisClient,
    private readonly keys: { index: string; failed: string; docPrefix: string },
    private readonly keep = RECENT_KEEP,
  ) {
    // Defined once per connection; ioredis sends it by sha (EVALSHA), the text only when Redis lacks it.
    if (!('plStatusWriteMany' in redis))
      redis.defineCommand('plStatusWriteMany', { numberOfKeys: 3, lua: WRITE_MANY });
    this.redis = redis as WithScript;
  }

  /** Queues one write; resolves once it is in Redis, to true when it made the document published. */
  write(write: StatusWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      const now = new Date();
      const args: (string | number)[] = [now.getTime(), now.toISOString(), this.keep];
      for (const { write: w } of batch) {
        const drop = w.drop ?? [];
        const pairs = Object.entries(w.fields);
        args.push(w.docId, w.mode, w.delivered ?? '', drop.length, pairs.length, ...drop, ...pairs.flat());
      }
      try {
        const out = await this.redis.plStatusWriteMany(
          this.keys.index,
          this.keys.failed,
          this.keys.docPrefix,
          ...args,
        );
        batch.forEach((p, i) => p.resolve(out[i] === 1));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.flushing = null;
  }
}
