import { promisify } from 'node:util';
import { constants, gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import type { VersionHistory } from '../changes/history.js';
import { sha256 } from '../ids.js';
import { PressRecord } from '../schemas/record.js';
import type { ShardedFiles } from './sharded-files.js';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);
/** Fastest: a record is gzipped once per version on the publish path, and read back only for a diff. */
const GZIP = { level: constants.Z_BEST_SPEED };

/** One stored version: its version hash and the record, gzipped. */
export interface PackedVersion {
  version: string;
  gz: Buffer;
}

/**
 * The last two versions of each record, in one file per id under DATA_DIR/versions
 * (`<sha256 of the id>.versions`, sharded like the raw snapshots): what the publish worker
 * diffs a new version against. A file: `{"current":…,"previous":…,"size":…}` on one line, then
 * the newest version gzipped (`size` bytes), then the one before it gzipped. Written whole and
 * atomically (temp file, rename), so a crash leaves the old pair or the new one. On disk, not
 * in Redis, so Redis's memory does not grow with the archive; every publish worker must see
 * DATA_DIR, as every fetch worker does for the raw snapshots.
 */
export class VersionStore implements VersionHistory {
  constructor(private readonly files: ShardedFiles) {}

  async previousOf(record: PressRecord): Promise<PressRecord | null> {
    const [current, previous] = await this.load(record.id);
    // The newest already: a retry or a re-publish; compare with the one before it, as the first time.
    if (current?.version === record.version) return previous ? unpack(previous.gz) : null;
    // Compressed off the event loop (libuv's pool), while the previous version is read.
    const [before, gz] = await Promise.all([
      current ? unpack(current.gz) : null,
      gzip(JSON.stringify(record), GZIP),
    ]);
    await this.files.write(
      nameOf(record.id),
      encode([{ version: record.version, gz }, ...(current ? [current] : [])]),
    );
    return before;
  }

  /** The stored versions of a record, newest first (for the dashboard's side-by-side view). */
  async versions(id: string): Promise<PressRecord[]> {
    const out: PressRecord[] = [];
    for (const v of await this.load(id)) {
      const r = await unpack(v.gz);
      if (r) out.push(r);
    }
    return out;
  }

  /** Stores versions already packed (newest first) unless the record has a file: moving older data in. */
  adopt(id: string, versions: readonly PackedVersion[]): Promise<boolean> {
    return this.files.write(nameOf(id), encode(versions.slice(0, 2)), { keep: true });
  }

  /** The stored versions of one id, newest first: none, one or two. */
  private async load(id: string): Promise<PackedVersion[]> {
    const buf = await this.files.read(nameOf(id));
    if (!buf) return [];
    const eol = buf.indexOf(0x0a);
    const head = JSON.parse(buf.subarray(0, eol).toString('utf8')) as {
      current: string;
      previous: string | null;
      size: number;
    };
    const out: PackedVersion[] = [{ version: head.current, gz: buf.subarray(eol + 1, eol + 1 + head.size) }];
    if (head.previous) out.push({ version: head.previous, gz: buf.subarray(eol + 1 + head.size) });
    return out;
  }
}

const nameOf = (id: string): string => `${sha256(id)}.versions`;

function encode([current, previous]: readonly PackedVersion[]): Buffer {
  const head = { current: current!.version, previous: previous?.version ?? null, size: current!.gz.length };
  return Buffer.concat([
    Buffer.from(`${JSON.stringify(head)}\n`),
    current!.gz,
    ...(previous ? [previous.gz] : []),
  ]);
}

async function unpack(gz: Buffer): Promise<PressRecord | null> {
  const parsed = PressRecord.safeParse(JSON.parse((await gunzip(gz)).toString('utf8')));
  return parsed.success ? parsed.data : null;
}
