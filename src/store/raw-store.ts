import { sha256 } from '../ids.js';
import { ShardedFiles } from './sharded-files.js';

/** Where raw fetched bytes are kept, once each, by sha256: any record can be derived again. */
export interface RawStore {
  /** Stores `bytes` (the same file again when already there) and returns their sha256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `sha`, or null. */
  get(sha: string): Promise<Buffer | null>;
}

/** A RawStore on disk: `<dir>/ab/abcdef….raw`, written atomically (temp file, then rename). */
export class FileRawStore implements RawStore {
  private readonly files: ShardedFiles;

  constructor(dir: string) {
    this.files = new ShardedFiles(dir);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256(bytes);
    // No check for a stored copy first: the name is the content, so writing the same bytes
    // again replaces the file with an identical one, and new bytes (the usual case) save a stat.
    await this.files.write(`${sha}.raw`, bytes);
    return sha;
  }

  async get(sha: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha)) return null;
    return this.files.read(`${sha}.raw`).catch(() => null);
  }
}

/** A RawStore in memory, for one `pressline process` run that keeps no snapshots on disk. */
export class MemoryRawStore implements RawStore {
  private readonly bytes = new Map<string, Buffer>();

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256(bytes);
    this.bytes.set(sha, Buffer.from(bytes));
    return sha;
  }

  async get(sha: string): Promise<Buffer | null> {
    return this.bytes.get(sha) ?? null;
  }
}
