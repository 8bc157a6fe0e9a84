import { randomUUID } from 'node:crypto';
import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Files up to this size are written with blocking calls: they hold the event loop for well under a millisecond. */
const SYNC_WRITE_MAX = 64 * 1024;

/**
 * Files under one folder, sharded by the first two characters of their names
 * (`<dir>/ab/abcdef….ext`), each written atomically: a temp file, then a rename (or a link,
 * when an existing file must be kept). Names are hex digests, so the shards spread evenly.
 */
export class ShardedFiles {
  /** The shard folders made so far: one mkdir per folder per process, not per file. */
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {}

  pathOf(name: string): string {
    return join(this.dir, name.slice(0, 2), name);
  }

  /**
   * Writes `bytes` as `name`, replacing it; with `keep`, an existing file is left as it is.
   * Returns whether the file now holds `bytes`.
   */
  async write(name: string, bytes: Uint8Array | string, opts: { keep?: boolean } = {}): Promise<boolean> {
    const path = this.pathOf(name);
    const folder = dirname(path);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    // Unique per call: two jobs writing one name at once must not share a temp file.
    const tmp = `${path}.${randomUUID()}.tmp`;
    // Blocking calls for a file of a few kB: through the thread pool the same open, write,
    // close and rename took three times the workers' CPU (docs/throughput.md, change 12).
    const sync = bytes.length <= SYNC_WRITE_MAX;
    if (sync) writeFileSync(tmp, bytes);
    else await writeFile(tmp, bytes);
    if (!opts.keep) {
      if (sync) renameSync(tmp, path);
      else await rename(tmp, path);
      return true;
    }
    try {
      if (sync) linkSync(tmp, path);
      else await link(tmp, path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      if (sync) unlinkSync(tmp);
      else await unlink(tmp);
    }
  }

  /** The bytes of `name`, or null when there is no such file. */
  async read(name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Every stored name (temp files left by a crash are skipped). */
  async names(): Promise<string[]> {
    const shards = await readdir(this.dir).catch(() => [] as string[]);
    const out: string[] = [];
    for (const shard of shards.sort())
      for (const f of (await readdir(join(this.dir, shard)).catch(() => [] as string[])).sort())
        if (!f.endsWith('.tmp')) out.push(f);
    return out;
  }
}
