import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256 } from '../ids.js';

/** Where raw fetched bytes are kept, once each, by sha256: any record can be derived again. */
export interface RawStore {
  /** Stores `bytes` (the same file again when already there) and returns their sha256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `sha`, or null. */
  get(sha: string): Promise<Buffer | null>;
}

/** Snapshots up to this size are written with blocking calls: they hold the event loop for well under a millisecond. */
const SYNC_WRITE_MAX = 64 * 1024;

/** A RawStore on disk: `<dir>/ab/abcdef….raw`, written atomically (temp file, then rename). */
export class FileRawStore implements RawStore {
  /** The shard folders made so far: one mkdir per folder per process, not per document. */
  private readonly made = new Set<string>();

  constructor(private readonly dir: string) {}

  private pathOf(sha: string): string {
    return join(this.dir, sha.slice(0, 2), `${sha}.raw`);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256(bytes);
    const path = this.pathOf(sha);
    // No check for a stored copy first: the name is the content, so writing the same bytes
    // again replaces the file with an identical one, and new bytes (the usual case) save a stat.
    const folder = dirname(path);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    // Unique per call: two jobs storing the same bytes at once must not share a temp file.
    const tmp = `${path}.${randomUUID()}.tmp`;
    if (bytes.length <= SYNC_WRITE_MAX) {
      // Blocking calls for a page of a few kB: through the thread pool the same open, write,
      // close and rename took three times the workers' CPU (docs/throughput.md, change 12).
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    } else {
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    }
    return sha;
  }

  async get(sha: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha)) return null;
    try {
      return await readFile(this.pathOf(sha));
    } catch {
      return null;
    }
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
