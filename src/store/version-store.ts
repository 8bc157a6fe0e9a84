import { promisify } from 'node:util';
import { constants, gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import type { RedisClient } from './connection.js';
import type { VersionHistory } from '../changes/history.js';
import { PressRecord } from '../schemas/record.js';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);
/** Fastest: a record is gzipped once per version on the publish path, and read back only for a diff. */
const GZIP = { level: constants.Z_BEST_SPEED };

/**
 * The last two versions of each record, gzipped, in one Redis hash per id (`current`,
 * `previous`, and `v:<version>` for each): what the publish worker diffs a new version against.
 * Redis because every publish worker has it, whichever archives are configured.
 */
export class VersionStore implements VersionHistory {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyOf: (id: string) => string,
  ) {}

  async previousOf(record: PressRecord): Promise<PressRecord | null> {
    const key = this.keyOf(record.id);
    const [current, previous] = await this.redis.hmget(key, 'current', 'previous');
    // The newest already: a retry or a re-publish; compare with the one before it, as the first time.
    if (current === record.version) return previous ? this.read(key, previous) : null;
    // Compressed off the event loop (libuv's pool), while the previous version is read.
    const [before, packed] = await Promise.all([
      current ? this.read(key, current) : null,
      gzip(JSON.stringify(record), GZIP),
    ]);
    const multi = this.redis.multi();
    multi.hset(key, 'current', record.version, `v:${record.version}`, packed);
    if (current) multi.hset(key, 'previous', current);
    else multi.hdel(key, 'previous');
    if (previous && previous !== record.version) multi.hdel(key, `v:${previous}`);
    await multi.exec();
    return before;
  }

  private async read(key: string, version: string): Promise<PressRecord | null> {
    const buf = await this.redis.hgetBuffer(key, `v:${version}`);
    if (!buf) return null;
    const parsed = PressRecord.safeParse(JSON.parse((await gunzip(buf)).toString('utf8')));
    return parsed.success ? parsed.data : null;
  }

  /** The stored versions of a record, newest first (for the dashboard's side-by-side view). */
  async versions(id: string): Promise<PressRecord[]> {
    const key = this.keyOf(id);
    const [current, previous] = await this.redis.hmget(key, 'current', 'previous');
    const out: PressRecord[] = [];
    for (const v of [current, previous]) {
      const r = v ? await this.read(key, v) : null;
      if (r) out.push(r);
    }
    return out;
  }
}
